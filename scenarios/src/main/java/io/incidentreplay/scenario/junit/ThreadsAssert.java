package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;

/**
 * The build's request threads in one phase, per instance ({@code threads.*} series: Micrometer's Jetty
 * or Tomcat thread-pool gauges): A6's "the workers ran out".
 */
public final class ThreadsAssert {

    private final Replay replay;
    private final String phase;

    ThreadsAssert(Replay replay, String phase) {
        this.replay = replay;
        this.phase = phase;
    }

    /** The most request threads busy at once on any one instance. */
    public MeasureAssert busy() {
        return new MeasureAssert(replay, Expect.seriesMax("threads.busy", Aggregation.MAX, phase));
    }

    /** The most requests waiting for a request thread at once on any one instance. */
    public MeasureAssert queued() {
        return new MeasureAssert(replay, Expect.seriesMax("threads.queued", Aggregation.MAX, phase));
    }

    /** No request ever waited for a thread: every instance always had one free. */
    public ThreadsAssert neverExhausted() {
        queued().isAtMost(0);
        return this;
    }
}
