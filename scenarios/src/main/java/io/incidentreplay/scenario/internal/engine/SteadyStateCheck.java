package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import java.util.List;
import java.util.Map;

/**
 * The steady-state hypothesis judged over a window: live, at the end of the control window just
 * before the fault (requests still in flight count with their age so far, so a stall shows before
 * it times out), and after the load over the last phase, to see whether the build recovered.
 *
 * @param window the window judged
 * @param checkedAtMillis when it was judged (epoch ms)
 * @param findings each expectation of the hypothesis, judged
 * @param machineSaturated whether the machine guard found the window saturated (then nothing in it
 *     is steady, whatever the findings say)
 */
record SteadyStateCheck(Window window, long checkedAtMillis, List<Finding> findings, boolean machineSaturated) {

    SteadyStateCheck {
        findings = List.copyOf(findings);
    }

    boolean held() {
        return !machineSaturated && findings.stream().noneMatch(Finding::failed);
    }

    /** "steady min lb.healthy 2 < 4; steady errors of all 3.2% > 0.10%": what did not hold. */
    String failures() {
        List<String> failures = new java.util.ArrayList<>();
        if (machineSaturated) {
            failures.add("the machine was saturated in the " + window.name() + " window");
        }
        findings.stream().filter(Finding::failed).map(Finding::reason).forEach(failures::add);
        return String.join("; ", failures);
    }

    /**
     * Judges the hypothesis over {@code window}, each expectation read over that window whatever
     * phase it names.
     */
    static SteadyStateCheck judge(List<Expectation> hypothesis, Window window, List<RequestRecord> requests,
            Timeline timeline, TimeScale timeScale, long nowMillis) {
        List<Finding> findings = judgeOver(hypothesis, window, requests, timeline, timeScale);
        boolean saturated = MachineGuard.loads(timeline, List.of(window)).get(0).saturated();
        return new SteadyStateCheck(window, nowMillis, findings, saturated);
    }

    /** Each expectation read over {@code window}, whatever phase it names (those that name none are left out). */
    static List<Finding> judgeOver(List<Expectation> expectations, Window window, List<RequestRecord> requests,
            Timeline timeline, TimeScale timeScale) {
        Observations observations = new Observations(requests, timeline, Map.of(window.name(), window), timeScale);
        return expectations.stream().filter(e -> e.phase().isPresent())
                .map(e -> e.inPhase(window.name()).evaluate(observations)).toList();
    }
}
