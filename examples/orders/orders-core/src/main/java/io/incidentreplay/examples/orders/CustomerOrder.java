package io.incidentreplay.examples.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order a customer placed; its payment lives in the payments service. */
@Entity
@Table(name = "orders")
public class CustomerOrder {

    @Id
    private Long id;
    private Long productId;
    private int quantity;

    protected CustomerOrder() {}

    public Long getId() {
        return id;
    }

    public Long getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }
}
