package io.incidentreplay.scenario.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.incidentreplay.scenario.FaultEvent;
import io.incidentreplay.scenario.FaultEvent.Kind;
import io.incidentreplay.scenario.Verdict;

class JudgementTest {

    private static final LoadProfile LOAD = new LoadProfile(
            List.of(new Phase("warm-up", Duration.ofSeconds(10), 1),
                    new Phase("fault", Duration.ofSeconds(10), 1),
                    new Phase("after", Duration.ofSeconds(10), 1)),
            List.of(RequestSpec.get("root", 1, "/")));

    @Test
    void aFaultPhaseStartsWhenItsToxicWasAppliedAndTheNextWhenItWasRemoved() {
        List<FaultEvent> events = List.of(new FaultEvent(10_300, "stall", "the stall", Kind.APPLIED, ""),
                new FaultEvent(20_400, "stall", "the stall", Kind.REMOVED, ""));

        Map<String, Window> windows = Judgement.asRun(Plan.windows(LOAD.phases(), 0), events, Map.of("fault", "stall"));

        assertThat(windows.get("warm-up")).isEqualTo(new Window("warm-up", 0, 10_000));
        assertThat(windows.get("fault")).isEqualTo(new Window("fault", 10_300, 20_000));
        assertThat(windows.get("after")).isEqualTo(new Window("after", 20_400, 30_000));
    }

    @Test
    void aFaultOnTheWholeRunMovesOnlyTheRunsStart() {
        List<FaultEvent> events = List.of(new FaultEvent(150, "slow disks", "slow disks", Kind.APPLIED, ""),
                new FaultEvent(30_200, "slow disks", "slow disks", Kind.REMOVED, ""));

        Map<String, Window> windows = Judgement.asRun(Plan.windows(LOAD.phases(), 0), events,
                Map.of(Observations.RUN, "slow disks"));

        assertThat(windows.get(Observations.RUN)).isEqualTo(new Window(Observations.RUN, 150, 30_000));
        assertThat(windows.get("warm-up")).as("no phase follows the run").isEqualTo(new Window("warm-up", 0, 10_000));
        assertThat(windows.get("after")).isEqualTo(new Window("after", 20_000, 30_000));
    }

    @Test
    void anythingThatMakesTheNumbersUntrustworthyMakesEvenAMetSignatureInvalid() {
        List<JudgedFinding> met = List.of(signature(true));
        List<String> limits = List.of("harness limit: the harness ran out of open files (20,000 of its limit of 20,000)");

        assertThat(Judgement.verdict(Role.BASELINE, met, List.of())).isEqualTo(Verdict.REPRODUCED);
        assertThat(Judgement.verdict(Role.BASELINE, met, limits)).isEqualTo(Verdict.INVALID);
        assertThat(Judgement.reasons(Role.BASELINE, Verdict.INVALID, met, limits))
                .containsExactly(limits.get(0));
    }

    @Test
    void aBaselineWhoseSignatureAlsoHeldInTheControlIsNotReproduced() {
        List<JudgedFinding> findings = List.of(signature(true),
                new JudgedFinding(Judgement.CONTROL, new Finding("steady errors >= 25%", true, 40, 25, 0.6, false,
                        "steady errors of all 40% >= 25%")));

        Verdict verdict = Judgement.verdict(Role.BASELINE, findings, List.of());

        assertThat(verdict).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Judgement.reasons(Role.BASELINE, verdict, findings, List.of())).first().asString()
                .startsWith("the signature also held in the control, so the fault did not cause it: ")
                .contains("steady errors of all 40% >= 25%");
    }

    @Test
    void aCleanControlLeavesTheBaselineReproduced() {
        List<JudgedFinding> findings = List.of(signature(true),
                new JudgedFinding(Judgement.CONTROL, new Finding("steady errors >= 25%", false, 0, 25, -1, true,
                        "steady errors of all 0% < 25%")));

        assertThat(Judgement.verdict(Role.BASELINE, findings, List.of())).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void eachDecisiveReasonCarriesItsMarginAndAThinOneIsFlagged() {
        List<JudgedFinding> findings = List.of(
                new JudgedFinding(Judgement.BUDGET, new Finding("p99 <= 700 ms", true, 600, 700, 1.0 / 7, false,
                        "fault p99 of dashboard 600 ms <= 700 ms")),
                new JudgedFinding(Judgement.BUDGET, new Finding("errors <= 0.1%", true, 0, 0.1, 1, true,
                        "fault errors of all 0% <= 0.10%")));

        assertThat(Judgement.reasons(Role.CANDIDATE, Verdict.PASS, findings, List.of())).containsExactly(
                "fault p99 of dashboard 600 ms <= 700 ms (THIN margin 14%)",
                "fault errors of all 0% <= 0.10% (at its bound)");
    }

    @Test
    void aSteadyStateThatOnlyJustHeldIsNamedAmongTheReasons() {
        List<JudgedFinding> findings = List.of(signature(true),
                new JudgedFinding(Judgement.STEADY_STATE, new Finding("steady p99 of all <= 250 ms", true, 230, 250, 0.08, false,
                        "steady p99 of all 230 ms <= 250 ms")));

        assertThat(Judgement.reasons(Role.BASELINE, Verdict.REPRODUCED, findings, List.of()))
                .contains("thin margin in the steady state: steady p99 of all 230 ms <= 250 ms (THIN margin 8%)");
    }

    @Test
    void aFindingNotCheckableHereDecidesNothingAndIsNamedAmongTheReasons() {
        JudgedFinding unchecked = new JudgedFinding(Judgement.BUDGET, Finding.notCheckable("retention <= 0%", 0,
                "share of logs's log groups without retention: not checkable here: no CloudWatch Logs"));
        JudgedFinding met = new JudgedFinding(Judgement.BUDGET, new Finding("errors <= 0.1%", true, 0, 0.1, 1, true,
                "fault errors of all 0% <= 0.10%"));
        JudgedFinding missed = new JudgedFinding(Judgement.BUDGET, new Finding("errors <= 0.1%", false, 5, 0.1, -49, false,
                "fault errors of all 5% > 0.10%"));

        assertThat(unchecked.finding().failed()).isFalse();
        assertThat(unchecked.finding().met()).isFalse();
        assertThat(unchecked.finding().thin()).isFalse();
        assertThat(Judgement.verdict(Role.CANDIDATE, List.of(unchecked, met), List.of())).isEqualTo(Verdict.PASS);
        assertThat(Judgement.verdict(Role.CANDIDATE, List.of(unchecked, missed), List.of())).isEqualTo(Verdict.FAIL);
        assertThat(Judgement.reasons(Role.CANDIDATE, Verdict.PASS, List.of(unchecked, met), List.of())).containsExactly(
                "share of logs's log groups without retention: not checkable here: no CloudWatch Logs",
                "fault errors of all 0% <= 0.10% (at its bound)");
        // a baseline: a signature part not checkable here is not one that held, nor one that did not
        JudgedFinding uncheckedSignature = new JudgedFinding(Judgement.SIGNATURE, unchecked.finding());
        assertThat(Judgement.verdict(Role.BASELINE, List.of(signature(true), uncheckedSignature), List.of()))
                .isEqualTo(Verdict.REPRODUCED);
        assertThat(Judgement.verdict(Role.BASELINE, List.of(signature(false), uncheckedSignature), List.of()))
                .isEqualTo(Verdict.NOT_REPRODUCED);
    }

    private static JudgedFinding signature(boolean met) {
        return new JudgedFinding(Judgement.SIGNATURE, new Finding("steady errors >= 25%", met, met ? 80 : 10, 25,
                met ? 2.2 : -0.6, false, "steady errors of all " + (met ? 80 : 10) + "% >= 25%"));
    }
}
