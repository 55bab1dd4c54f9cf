package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.ReplayResult.TrafficSecond;
import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.LatencySummary;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.incidentreplay.scenario.FaultEvent;
import io.incidentreplay.scenario.Verdict;

/** Turns what a replay observed into windows, statistics, findings and a verdict. Pure functions. */
final class Judgement {

    private Judgement() {}

    /**
     * The planned windows as the faults really ran ({@code faultByPhase}: phase to the key of its toxic's
     * events): a phase whose toxic was applied late starts when it was
     * applied, and the phase after it starts when it was removed, so that no expectation judges a
     * "fault" window in which the fault was not yet (or still) in place.
     */
    static Map<String, Window> asRun(Map<String, Window> planned, List<FaultEvent> events, Map<String, String> faultByPhase) {
        Map<String, Window> actual = new LinkedHashMap<>(planned);
        List<String> names = planned.keySet().stream().filter(n -> !n.equals(Observations.RUN)).toList();
        faultByPhase.forEach((phase, fault) -> {
            Window w = actual.get(phase);
            long applied = firstAt(events, fault, FaultEvent.Kind.APPLIED);
            if (applied > w.fromMillis() && applied < w.toMillis()) {
                actual.put(phase, new Window(phase, applied, w.toMillis()));
            }
            int next = names.indexOf(phase) + 1; // 0 for a fault on the whole run: no phase follows it
            long removed = firstAt(events, fault, FaultEvent.Kind.REMOVED);
            if (next > 0 && next < names.size() && removed > w.toMillis()) {
                Window after = actual.get(names.get(next));
                actual.put(after.name(), new Window(after.name(), Math.min(removed, after.toMillis()), after.toMillis()));
            }
        });
        return actual;
    }

    private static long firstAt(List<FaultEvent> events, String faultKey, FaultEvent.Kind kind) {
        return events.stream().filter(e -> e.is(faultKey, kind)).mapToLong(FaultEvent::atMillis).findFirst().orElse(-1);
    }

    /** Statistics per window, for all requests and for each request name of the mix. */
    static List<RequestStats> stats(Observations observations, LoadProfile load) {
        List<RequestStats> stats = new ArrayList<>();
        for (String window : observations.phases().keySet()) {
            stats.add(observations.stats(window, RequestStats.ALL));
            load.mix().forEach(spec -> stats.add(observations.stats(window, spec.name())));
        }
        return stats;
    }

    /** Requests per second of the run, with errors by status and latency percentiles. */
    static List<TrafficSecond> traffic(List<RequestRecord> requests, Window run) {
        Map<Long, List<RequestRecord>> bySecond = new TreeMap<>();
        for (RequestRecord r : requests) {
            if (run.contains(r.startMillis())) {
                bySecond.computeIfAbsent(run.fromMillis() + (r.startMillis() - run.fromMillis()) / 1000 * 1000,
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<TrafficSecond> seconds = new ArrayList<>();
        bySecond.forEach((at, records) -> {
            Map<String, Long> errors = new TreeMap<>();
            records.stream().filter(r -> !r.ok()).forEach(r -> errors.merge(r.errorKey(), 1L, Long::sum));
            LatencySummary latency = LatencySummary.of(records.stream().mapToLong(RequestRecord::latencyMillis).toArray());
            seconds.add(new TrafficSecond(at, records.size(), errors, latency.p50(), latency.p99()));
        });
        return seconds;
    }

    /** Every expectation judged: the signature's and the budgets', whatever the role. */
    static List<JudgedFinding> findings(Incident incident, Observations observations) {
        List<JudgedFinding> findings = new ArrayList<>();
        judge(SIGNATURE, incident.signature(), observations, findings);
        judge(BUDGET, incident.budgets(), observations, findings);
        return findings;
    }

    private static void judge(String kind, List<Expectation> expectations, Observations obs, List<JudgedFinding> into) {
        for (Expectation e : expectations) {
            into.add(new JudgedFinding(kind, e.evaluate(obs)));
        }
    }

    /** The kinds of findings a result holds, by the list of expectations they come from. */
    static final String SIGNATURE = "signature";
    static final String BUDGET = "budget";
    /** The steady-state hypothesis in the control, before the fault. */
    static final String STEADY_STATE = "steady-state";
    /** The steady-state hypothesis again over the last phase: did the build recover? */
    static final String STEADY_STATE_AFTER = "steady-state-after";
    /** The signature judged over the control: none of it may hold there. */
    static final String CONTROL = "control";

    /**
     * The verdict for the role. Anything that makes the numbers untrustworthy beats everything: an
     * unverified fault, a steady state that did not hold before it, a saturated machine, a harness at
     * its own limits. Otherwise a baseline must meet its whole signature, and show none of it in the
     * control; a candidate must meet every budget.
     *
     * @param invalid why the replay tested nothing or measured the harness or the machine; empty when valid
     */
    static Verdict verdict(Role role, List<JudgedFinding> findings, List<String> invalid) {
        if (!invalid.isEmpty()) {
            return Verdict.INVALID;
        }
        if (role == Role.BASELINE) {
            return allMet(findings, SIGNATURE) && heldInControl(findings).isEmpty() ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
        }
        return allMet(findings, BUDGET) ? Verdict.PASS : Verdict.FAIL;
    }

    /**
     * The reasons behind the verdict, in numbers: what made it invalid, the parts of the signature the
     * control showed too, then the decisive findings, each with its margin to its limit.
     */
    static List<String> reasons(Role role, Verdict verdict, List<JudgedFinding> findings, List<String> invalid) {
        List<String> reasons = new ArrayList<>(invalid);
        if (!invalid.isEmpty()) {
            return reasons;
        }
        List<Finding> inControl = role == Role.BASELINE ? heldInControl(findings) : List.of();
        if (!inControl.isEmpty()) {
            reasons.add("the signature also held in the control, so the fault did not cause it: "
                    + String.join("; ", inControl.stream().map(Finding::reason).toList()));
        }
        String kind = role == Role.BASELINE ? SIGNATURE : BUDGET;
        boolean wantMet = verdict == Verdict.REPRODUCED || verdict == Verdict.PASS;
        findings.stream()
                .filter(f -> f.kind().equals(kind))
                .map(JudgedFinding::finding)
                .filter(f -> wantMet || f.failed() || !inControl.isEmpty())
                .map(Judgement::withMargin)
                .forEach(reasons::add);
        // a steady state or control that only just held is as likely to flip the verdict as a thin decisive finding
        findings.stream()
                .filter(f -> (f.kind().equals(STEADY_STATE) || (role == Role.BASELINE && f.kind().equals(CONTROL))) && f.finding().thin())
                .forEach(f -> reasons.add("thin margin in the " + (f.kind().equals(CONTROL) ? "control" : "steady state") + ": "
                        + withMargin(f.finding())));
        return reasons;
    }

    /** e.g. {@code fault 5xx of checkout 75.10% > 50% (margin 50%)}, or {@code (THIN margin 12%)}. */
    static String withMargin(Finding f) {
        if (Double.isNaN(f.measured())) {
            return f.reason();
        }
        return f.reason() + " (" + (f.thin() ? "THIN " : "") + f.marginText() + ")";
    }

    private static boolean allMet(List<JudgedFinding> findings, String kind) {
        return findings.stream().filter(f -> f.kind().equals(kind)).noneMatch(f -> f.finding().failed());
    }

    private static List<Finding> heldInControl(List<JudgedFinding> findings) {
        return findings.stream().filter(f -> f.kind().equals(CONTROL)).map(JudgedFinding::finding).filter(Finding::met).toList();
    }
}
