package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.internal.measure.Observations;
import org.assertj.core.api.AbstractAssert;

/** The verdict of a replay, and the way into its phases. */
public final class ReplayAssert extends AbstractAssert<ReplayAssert, Replay> {

    ReplayAssert(Replay replay) {
        super(replay, ReplayAssert.class);
    }

    public ReplayAssert hasVerdict(Verdict expected) {
        isNotNull();
        if (actual.verdict() != expected) {
            failWithMessage("expected %s but the replay was %s:%n  - %s%nreport: %s", expected, actual.verdict(),
                    String.join("\n  - ", actual.result().reasons()), actual.report());
        }
        return this;
    }

    /** The baseline showed every part of the incident's signature, on a steady system, caused by the fault. */
    public ReplayAssert reproduced() {
        return hasVerdict(Verdict.REPRODUCED);
    }

    /** The candidate met every budget. */
    public ReplayAssert passed() {
        return hasVerdict(Verdict.PASS);
    }

    /** What the replay observed in one phase of its load profile (e.g. {@code fault}). */
    public PhaseAssert inPhase(String phase) {
        isNotNull();
        return new PhaseAssert(actual, phase);
    }

    /** What the replay observed over its whole load. */
    public PhaseAssert inTheWholeRun() {
        return inPhase(Observations.RUN);
    }
}
