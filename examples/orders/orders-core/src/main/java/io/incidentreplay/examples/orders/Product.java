package io.incidentreplay.examples.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something the shop sells. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    private Long id;
    private String name;
    private long priceCents;

    protected Product() {}

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getPriceCents() {
        return priceCents;
    }
}
