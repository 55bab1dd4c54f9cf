package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;

/** One phase of a replay: its requests, the build's pools, threads, breakers and bulkheads, its health. */
public final class PhaseAssert {

    private final Replay replay;
    private final String phase;

    PhaseAssert(Replay replay, String phase) {
        this.replay = replay;
        this.phase = phase;
    }

    /** The requests of one name in the load's mix. */
    public RequestAssert request(String name) {
        return new RequestAssert(replay, phase, name);
    }

    /** Every request of the load. */
    public RequestAssert allRequests() {
        return request(RequestStats.ALL);
    }

    /** The build's connection pool, every instance's together ({@code pool.*} series). */
    public PoolAssert pool() {
        return new PoolAssert(replay, phase);
    }

    /** The build's request threads, per instance ({@code threads.*} series). */
    public ThreadsAssert threads() {
        return new ThreadsAssert(replay, phase);
    }

    /**
     * The most calls one bulkhead of the build held at once on any instance, by the name its metrics
     * give it ({@code bulkhead.<name>.calls}): e.g. at most its limit, and nothing measured without one.
     */
    public MeasureAssert bulkheadCalls(String name) {
        return new MeasureAssert(replay, Expect.seriesMax("bulkhead." + name + ".calls", Aggregation.MAX, phase));
    }

    /** One circuit breaker of the build, by the name its metrics give it ({@code breaker.<name>.open}). */
    public BreakerAssert breaker(String name) {
        return new BreakerAssert(replay, phase, name);
    }

    /** The load balancer's view of the targets and the build's health endpoints. */
    public HealthAssert health() {
        return new HealthAssert(replay, phase);
    }
}
