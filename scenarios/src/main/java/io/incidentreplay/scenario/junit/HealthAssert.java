package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import java.time.Duration;

/**
 * Health in one phase: the load balancer's healthy targets ({@code lb.healthy}) and the build's health
 * endpoints as the incident's {@code healthEndpoints} probe them ({@code health.<name>.ok}, 1 when
 * an instance answered 2xx within the probe's timeout).
 */
public final class HealthAssert {

    /** One slow probe among hundreds is not an outage (the PetForce incidents' budgets use the same share). */
    private static final double STAYED_UP_PERCENT = 99;

    private final Replay replay;
    private final String phase;

    HealthAssert(Replay replay, String phase) {
        this.replay = replay;
        this.phase = phase;
    }

    /** The fewest targets the load balancer held healthy at once. */
    public MeasureAssert healthyTargets() {
        return new MeasureAssert(replay, Expect.seriesMin("lb.healthy", Aggregation.SUM, phase));
    }

    /** The share of an endpoint's probes, over every instance, that were answered in time, in percent. */
    public MeasureAssert answered(String endpoint) {
        return new MeasureAssert(replay, Expect.percentOk(series(endpoint), phase));
    }

    /** The liveness endpoint answered at least 99 % of its probes: nothing would have restarted the build. */
    public HealthAssert livenessStayedUp() {
        answered("liveness").isAtLeast(STAYED_UP_PERCENT);
        return this;
    }

    /** Readiness failed on some instance at some point of the phase: it took itself out of rotation. */
    public HealthAssert readinessWentDown() {
        new MeasureAssert(replay, Expect.seriesMin(series("readiness"), Aggregation.MIN, phase)).isBelow(1);
        return this;
    }

    /** Every instance was ready again within this long of the phase's start (e.g. of {@code recovery}). */
    public HealthAssert readinessCameBackWithin(Duration limit) {
        new MeasureAssert(replay, Expect.millisUntil(series("readiness"), Aggregation.MIN, phase, "= 1 on every instance",
                v -> v >= 1)).isAtMost(limit);
        return this;
    }

    private static String series(String endpoint) {
        return "health." + endpoint + ".ok";
    }
}
