package io.incidentreplay.examples.orders.baseline;

import io.incidentreplay.examples.orders.Payments;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * The orders service as it was when the incident happened: it asks the payments service for every
 * order's payment and waits as long as the answer takes — no timeout, no breaker.
 */
@SpringBootApplication(scanBasePackages = "io.incidentreplay.examples.orders")
public class OrdersBaseline {

    public static void main(String[] args) {
        SpringApplication.run(OrdersBaseline.class, args);
    }

    @Bean
    Payments payments(RestClient.Builder http, @Value("${payments.url}") String url) {
        RestClient client = http.baseUrl(url).build();
        return orderId -> client.get().uri("/payments/{id}", orderId).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    }
}
