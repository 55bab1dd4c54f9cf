package io.incidentreplay.scenario;

import java.time.Duration;

/**
 * The load balancer's health check of each instance, as the incident's target group had it, in
 * incident time (AWS ALB semantics: {@code toxiproxy-and-alb.md} part B).
 */
public record HealthCheck(
        String path,
        Duration interval,
        Duration timeout,
        int healthyThreshold,
        int unhealthyThreshold,
        String successCodes) {

    public HealthCheck {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("health-check path must start with '/', but was '" + path + "'");
        }
        if (timeout.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("health-check timeout (" + timeout + ") must be shorter than its interval ("
                    + interval + "), as on an ALB target group");
        }
    }
}
