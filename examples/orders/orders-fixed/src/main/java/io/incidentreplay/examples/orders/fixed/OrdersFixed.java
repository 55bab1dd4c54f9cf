package io.incidentreplay.examples.orders.fixed;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.incidentreplay.examples.orders.Payments;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The orders service after the post-mortem: the payments call has a timeout, and a circuit breaker
 * around it answers "payment unknown" at once while the payments service is down, so a stalled
 * dependency can no longer hold every request worker. Every timer is a {@code *_MS} setting, so a
 * compressed replay scales it.
 */
@SpringBootApplication(scanBasePackages = "io.incidentreplay.examples.orders")
public class OrdersFixed {

    public static void main(String[] args) {
        SpringApplication.run(OrdersFixed.class, args);
    }

    @Bean
    CircuitBreaker paymentsBreaker(MeterRegistry meters,
            @Value("${PAYMENTS_BREAKER_WINDOW_MS:10000}") long windowMillis,
            @Value("${PAYMENTS_BREAKER_OPEN_MS:30000}") long openMillis) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                // Resilience4j counts the window in whole seconds
                .slidingWindowSize((int) Math.max(1, Math.round(windowMillis / 1000.0)))
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMillis(openMillis))
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry.circuitBreaker("payments");
    }

    @Bean
    Payments payments(RestClient.Builder http, CircuitBreaker breaker, @Value("${payments.url}") String url,
            @Value("${PAYMENTS_TIMEOUT_MS:1000}") long timeoutMillis) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(timeoutMillis)).build());
        factory.setReadTimeout(Duration.ofMillis(timeoutMillis));
        RestClient client = http.baseUrl(url).requestFactory(factory).build();
        return orderId -> {
            try {
                return breaker.executeSupplier(() -> client.get().uri("/payments/{id}", orderId).retrieve()
                        .body(new ParameterizedTypeReference<Map<String, Object>>() {}));
            } catch (RuntimeException unavailable) {
                return Map.of("status", "unknown", "fallback", true);
            }
        };
    }
}
