package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Replay;

/**
 * AssertJ assertions over a finished {@link Replay}, in the words of an incident's signature and
 * budgets: each one is an {@link io.incidentreplay.scenario.Expectation} judged on what the replay
 * observed, and its failure message is the reason a report would give, with the report's path.
 *
 * <pre>{@code
 * assertThat(replay).passed()
 *         .inPhase("fault").request("products").p99().isAtMost(Duration.ofMillis(250));
 * assertThat(replay).inPhase("fault").breaker("payments").opensWithin(Duration.ofSeconds(2));
 * assertThat(replay).inPhase("fault").pool().neverSaturated();
 * assertThat(replay).inTheWholeRun().health().healthyTargets().isAtLeast(2);
 * }</pre>
 */
public final class ReplayAssertions {

    private ReplayAssertions() {}

    public static ReplayAssert assertThat(Replay replay) {
        return new ReplayAssert(replay);
    }
}
