package com.example.orders;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The orders service's load test as its team wrote it, before any incident replay: shoppers browse
 * the catalogue and open their orders, 20 of each per second. Written for the slow-payments
 * incident's time scale 0.1, whose five phases last 34 s. The URL comes from {@code -DbaseUrl},
 * which the replay sets to its load balancer.
 */
public class OrdersSimulation extends Simulation {

    private static final Duration LENGTH = Duration.ofSeconds(34);

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("baseUrl", "http://localhost:8080"));

    private final ScenarioBuilder browse = scenario("browse")
            .exec(http("products").get("/products?page=0&size=20").check(status().is(200)));

    private final ScenarioBuilder openOrder = scenario("open an order")
            .feed(csv("orders.csv").circular())
            .exec(http("order").get("/orders/#{orderId}").check(status().is(200)));

    {
        setUp(browse.injectOpen(constantUsersPerSec(20).during(LENGTH)),
                openOrder.injectOpen(constantUsersPerSec(20).during(LENGTH)))
                .protocols(protocol);
    }
}
