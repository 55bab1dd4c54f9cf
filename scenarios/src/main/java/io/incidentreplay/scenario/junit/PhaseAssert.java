package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.RequestStats;

/** One phase of a replay: its requests, the build's pools and breakers, its health. */
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

    /** One circuit breaker of the build, by the name its metrics give it ({@code breaker.<name>.open}). */
    public BreakerAssert breaker(String name) {
        return new BreakerAssert(replay, phase, name);
    }

    /** The load balancer's view of the targets and the build's health endpoints. */
    public HealthAssert health() {
        return new HealthAssert(replay, phase);
    }
}
