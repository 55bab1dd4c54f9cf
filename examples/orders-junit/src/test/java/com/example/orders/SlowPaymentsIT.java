package com.example.orders;

import static io.incidentreplay.scenario.junit.ReplayAssertions.assertThat;

import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
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
    private static final Path FIXED = Path.of("..", "orders", "orders-fixed", "target", "orders-fixed.jar").toAbsolutePath();

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

    /**
     * The same incident with the team's own Gatling simulation as its load: the harness records it
     * from its load balancer's access log, by the mix's names (products, order), and judges it the same.
     */
    @Test
    void theFixedBuildHoldsUnderOurOwnSimulation(Replayer replayer) {
        Incident incident = Replayer.incident(INCIDENT);
        Incident ownLoad = incident.toBuilder().load(incident.load().withSimulation(OrdersSimulation.class)).build();

        Replay replay = replayer.replay(ownLoad, Role.CANDIDATE, new Build.Jar(FIXED));

        assertThat(replay).passed()
                .inPhase("fault").request("products").p99().isAtMost(Duration.ofMillis(250));
        assertThat(replay).inPhase("fault").request("order").answeredWith(200).isAtLeast(100);
        assertThat(replay).inPhase("fault").breaker("payments").opensWithin(Duration.ofSeconds(2));
    }
}
