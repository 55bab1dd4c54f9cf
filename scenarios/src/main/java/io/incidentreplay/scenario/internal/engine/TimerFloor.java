package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.ReplayResult.WarmUp;
import io.incidentreplay.scenario.HealthCheck;
import io.incidentreplay.scenario.TimeScale;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses, before the load, a time scale whose compressed health-check timeout this machine cannot
 * serve. A target that needs 40 ms to answer its health check under load fails a 50 ms timeout
 * for no reason of its own, and a replay at that scale reports the machine as the build's outage.
 * The bound: the scaled timeout must be at least {@value #HEADROOM} times the health-check path's
 * p95 over 50 health checks on each warmed instance (two at a time on every instance: busier than
 * the replays' open-model load, so the bound errs on the side of refusing; a p95, so that one
 * garbage collection in 50 answers does not refuse a replay that would run).
 */
final class TimerFloor {

    static final int HEADROOM = 3;

    private TimerFloor() {}

    /** Why the replay cannot run at this scale on this machine, with the smallest scale that can; empty when it can. */
    static Optional<String> check(HealthCheck healthCheck, TimeScale scale, List<WarmUp> warmUp) {
        long worst = warmUp.stream().mapToLong(WarmUp::healthCheckP95Millis).max().orElse(0);
        long timeout = scale.apply(healthCheck.timeout()).toMillis();
        if (worst == 0 || timeout >= HEADROOM * worst) {
            return Optional.empty();
        }
        double smallest = (double) HEADROOM * worst / healthCheck.timeout().toMillis();
        String smallestScale = new BigDecimal(smallest).round(new MathContext(2, RoundingMode.UP)).stripTrailingZeros()
                .toPlainString();
        return Optional.of(String.format(Locale.US, "time scale too small for this machine: the health check's %,d ms timeout "
                + "is %,d ms at time scale %s, under %d x the %,d ms p95 of %s on these instances once they were warm; "
                + "use --time-scale %s or more", healthCheck.timeout().toMillis(), timeout, scale.factor(), HEADROOM,
                worst, healthCheck.path(), smallestScale));
    }
}
