package io.incidentreplay.scenario.junit;

import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.Replay;

/** Judges an assertion's expectation, turning a phase the replay never had into a readable failure. */
final class Judged {

    private Judged() {}

    static Finding on(Replay replay, Expectation expectation) {
        try {
            return replay.judge(expectation);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(expectation.description() + ": " + e.getMessage() + "\nreplay: " + replay, e);
        }
    }
}
