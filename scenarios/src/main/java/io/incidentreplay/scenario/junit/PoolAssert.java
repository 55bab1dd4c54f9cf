package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import java.time.Duration;

/**
 * The build's connection pool in one phase, every instance's gauges summed per sampling round: the
 * {@code pool.*} series the incident's metrics section maps (HikariCP's Micrometer names by default).
 */
public final class PoolAssert {

    private final Replay replay;
    private final String phase;

    PoolAssert(Replay replay, String phase) {
        this.replay = replay;
        this.phase = phase;
    }

    /** The most connections in use at once. */
    public MeasureAssert active() {
        return new MeasureAssert(replay, Expect.seriesMax("pool.active", Aggregation.SUM, phase));
    }

    /** The most threads waiting for a connection at once. */
    public MeasureAssert pending() {
        return new MeasureAssert(replay, Expect.seriesMax("pool.pending", Aggregation.SUM, phase));
    }

    /** Connection requests that gave up waiting during the phase. */
    public MeasureAssert timeouts() {
        return new MeasureAssert(replay, Expect.seriesIncrease("pool.timeouts", phase));
    }

    /** No thread ever waited for a connection: the pool always had one free. */
    public PoolAssert neverSaturated() {
        pending().isAtMost(0);
        return this;
    }

    /** Nobody waits for a connection any more within this long of the phase's start (e.g. of {@code recovery}). */
    public PoolAssert drainsWithin(Duration limit) {
        new MeasureAssert(replay, Expect.millisUntil("pool.pending", Aggregation.SUM, phase, "= 0", v -> v <= 0))
                .isAtMost(limit);
        return this;
    }
}
