package io.incidentreplay.examples.orders;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The entities and repositories live here, not in the package of either build's application class. */
@Configuration
@EntityScan(basePackageClasses = OrdersConfiguration.class)
@EnableJpaRepositories(basePackageClasses = OrdersConfiguration.class)
public class OrdersConfiguration {}
