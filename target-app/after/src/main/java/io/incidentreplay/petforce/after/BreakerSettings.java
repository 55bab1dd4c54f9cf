package io.incidentreplay.petforce.after;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.incidentreplay.petforce.core.Env;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker, as the seed's opossum options translate to Resilience4j (incidents.md A3):
 * {@code errorThresholdPercentage 50}, {@code rollingCountTimeout 10000} (a time-based window),
 * {@code resetTimeout 30000} (open, then half-open), one trial call in half-open, and opossum's
 * {@code volumeThreshold 0}: the rate counts from the first call in the window.
 *
 * @param prefix the variables' prefix, {@code WEATHER_BREAKER} or {@code DB_BREAKER}
 */
record BreakerSettings(String prefix, int failureRatePercent, Duration window, Duration open, int minimumCalls,
        int halfOpenCalls) {

    private static final Logger log = LoggerFactory.getLogger(BreakerSettings.class);

    static BreakerSettings from(Env env, String prefix) {
        return new BreakerSettings(prefix,
                env.integer(prefix + "_FAILURE_RATE", 50, 1, 100),
                env.millis(prefix + "_WINDOW_MS", 10_000),
                env.millis(prefix + "_OPEN_MS", 30_000),
                env.integer(prefix + "_MINIMUM_CALLS", 1, 1, 10_000),
                env.integer(prefix + "_HALF_OPEN_CALLS", 1, 1, 10_000));
    }

    CircuitBreakerConfig toConfig(Predicate<Throwable> countsAsFailure) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(windowSeconds())
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(open.isZero() ? Duration.ofMillis(1) : open)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .recordException(countsAsFailure)
                .build();
    }

    /** Resilience4j's time-based window counts whole seconds; a compressed window is rounded up, visibly. */
    private int windowSeconds() {
        long millis = window.toMillis();
        int seconds = (int) Math.max(1, (millis + 999) / 1000);
        if (seconds * 1000L != millis) {
            log.warn("{}_WINDOW_MS={} ms: Resilience4j's time-based window counts whole seconds; using {} s",
                    prefix, millis, seconds);
        }
        return seconds;
    }
}
