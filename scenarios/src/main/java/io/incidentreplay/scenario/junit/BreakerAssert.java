package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Measure;
import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.internal.probe.DependencyCallsProbe;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import java.time.Duration;

/**
 * One circuit breaker of the build in one phase, read from {@code breaker.<name>.open} (1 while open)
 * on every instance. Times count from the phase's start: for the fault phase, from the fault.
 */
public final class BreakerAssert {

    private final Replay replay;
    private final String phase;
    private final String series;

    BreakerAssert(Replay replay, String phase, String name) {
        this.replay = replay;
        this.phase = phase;
        this.series = "breaker." + name + ".open";
    }

    /** Time from the phase's start until the breaker was open on any instance, in ms ("never" fails any bound). */
    public MeasureAssert timeUntilOpen() {
        return new MeasureAssert(replay, Expect.millisUntil(series, Aggregation.MAX, phase, "= 1 on any instance", v -> v >= 1));
    }

    /** Time from the phase's start until the breaker was closed on every instance, in ms. */
    public MeasureAssert timeUntilClosed() {
        return new MeasureAssert(replay, Expect.millisUntil(series, Aggregation.MAX, phase, "= 0 on every instance", v -> v <= 0));
    }

    /** The breaker opened on some instance within this long of the phase's start. */
    public BreakerAssert opensWithin(Duration limit) {
        timeUntilOpen().isAtMost(limit);
        return this;
    }

    /** The breaker was closed again on every instance within this long of the phase's start (e.g. of {@code after}). */
    public BreakerAssert closesWithin(Duration limit) {
        timeUntilClosed().isAtMost(limit);
        return this;
    }

    /**
     * The calls that reached a dependency's stub while the breaker was open on every instance (from
     * {@code dependency.<name>.requests}); a breaker that never stayed open a whole sampling round
     * measures nothing, and fails any bound. A half-open trial may let one call through.
     */
    public MeasureAssert callsWhileOpen(String dependency) {
        return new MeasureAssert(replay, Expect.increaseWhile(DependencyCallsProbe.series(dependency), phase, series,
                Aggregation.MIN, "= 1 on every instance", v -> v >= 1));
    }

    /** The breaker never opened on any instance. */
    public BreakerAssert staysClosed() {
        Measure open = Expect.seriesMax(series, Aggregation.MAX, phase);
        new MeasureAssert(replay, open).isAtMost(0);
        return this;
    }
}
