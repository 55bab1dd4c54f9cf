package io.incidentreplay.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.engine.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.expect.Finding;
import io.incidentreplay.scenario.incident.Incident.Role;
import io.incidentreplay.scenario.incident.LoadProfile;
import io.incidentreplay.scenario.incident.Phase;
import io.incidentreplay.scenario.incident.RequestSpec;
import io.incidentreplay.scenario.incident.TimeScale;
import io.incidentreplay.scenario.measure.Observations;
import io.incidentreplay.scenario.measure.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgementTest {

    private static final LoadProfile LOAD = new LoadProfile(
            List.of(new Phase("warm-up", Duration.ofSeconds(10), 1),
                    new Phase("fault", Duration.ofSeconds(10), 1),
                    new Phase("after", Duration.ofSeconds(10), 1)),
            List.of(RequestSpec.get("root", 1, "/")));

    @Test
    void aFaultPhaseStartsWhenItsToxicWasAppliedAndTheNextWhenItWasRemoved() {
        List<FaultEvent> events = List.of(new FaultEvent(10_300, "stall", "applied"), new FaultEvent(20_400, "stall", "removed"));

        Map<String, Window> windows = Judgement.windows(LOAD, TimeScale.REAL_TIME, 0, events, Map.of("fault", "stall"));

        assertThat(windows.get("warm-up")).isEqualTo(new Window("warm-up", 0, 10_000));
        assertThat(windows.get("fault")).isEqualTo(new Window("fault", 10_300, 20_000));
        assertThat(windows.get("after")).isEqualTo(new Window("after", 20_400, 30_000));
    }

    @Test
    void aFaultOnTheWholeRunMovesOnlyTheRunsStart() {
        List<FaultEvent> events = List.of(new FaultEvent(150, "slow disks", "applied"), new FaultEvent(30_200, "slow disks", "removed"));

        Map<String, Window> windows = Judgement.windows(LOAD, TimeScale.REAL_TIME, 0, events,
                Map.of(Observations.RUN, "slow disks"));

        assertThat(windows.get(Observations.RUN)).isEqualTo(new Window(Observations.RUN, 150, 30_000));
        assertThat(windows.get("warm-up")).as("no phase follows the run").isEqualTo(new Window("warm-up", 0, 10_000));
        assertThat(windows.get("after")).isEqualTo(new Window("after", 20_000, 30_000));
    }

    @Test
    void aHarnessAtItsLimitMakesEvenAMetSignatureInvalid() {
        List<JudgedFinding> met = List.of(new JudgedFinding("signature",
                new Finding("steady errors >= 25%", true, 80, "steady errors of all 80% >= 25%")));
        List<String> limits = List.of("the harness ran out of open files (20,000 of its limit of 20,000)");

        assertThat(Judgement.verdict(Role.BASELINE, met, List.of(), List.of())).isEqualTo(Verdict.REPRODUCED);
        assertThat(Judgement.verdict(Role.BASELINE, met, List.of(), limits)).isEqualTo(Verdict.INVALID);
        assertThat(Judgement.reasons(Role.BASELINE, Verdict.INVALID, met, List.of(), limits))
                .first().asString().startsWith("harness limit: the harness ran out of open files");
    }
}
