package com.example.orders;

import static io.incidentreplay.scenario.junit.ReplayAssertions.assertThat;

import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.junit.IncidentReplayTest;
import io.incidentreplay.scenario.junit.Replayer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The orders service's slow-payments incident (../orders/incident/incident.yaml) as two tests: the
 * build it happened on still shows it, and the fixed build holds through it. Reports land in
 * target/incident-replay/SlowPaymentsIT/<test>/slow-payments/<role>/report.html.
 */
@IncidentReplayTest
class SlowPaymentsIT {

    private static final Path INCIDENT = Path.of("..", "orders", "incident", "incident.yaml");

    @Test
    void theBaselineStillCascades(Replayer replayer) {
        Replay replay = replayer.replay(INCIDENT, Role.BASELINE);

        assertThat(replay).reproduced()
                .inPhase("fault").request("products").p50().isAtLeastInIncidentTime(Duration.ofSeconds(5));
        assertThat(replay).inPhase("fault").health().healthyTargets().isBelow(2);
    }

    @Test
    void theFixedBuildHoldsThroughTheStall(Replayer replayer) {
        Replay replay = replayer.replay(INCIDENT, Role.CANDIDATE);

        assertThat(replay).passed()
                .inPhase("fault").request("products").p99().isAtMost(Duration.ofMillis(250));
        assertThat(replay).inPhase("fault").request("products").hadNoErrors();
        assertThat(replay).inPhase("fault").breaker("payments").opensWithin(Duration.ofSeconds(2));
        // some 240 orders ask for payments during the fault; while the breaker is open almost none reach it
        assertThat(replay).inPhase("fault").breaker("payments").callsWhileOpen("payments").isAtMost(10);
        assertThat(replay).inPhase("fault").pool().neverSaturated();
        assertThat(replay).inTheWholeRun().health().healthyTargets().isAtLeast(2);
    }
}
