package io.incidentreplay.scenario.incident;

import java.time.Duration;

/**
 * A named stretch of the load profile at a constant open-model arrival rate, in incident time
 * (the time scale shortens the duration, never the rate).
 */
public record Phase(String name, Duration duration, double requestsPerSecond) {

    public Phase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name such as 'steady' or 'fault'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("phase '" + name + "' must last longer than 0, but was " + duration);
        }
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("phase '" + name + "' needs a rate >= 0 req/s, but was " + requestsPerSecond);
        }
    }
}
