package io.incidentreplay.scenario;

/** The outcome of one replay of one incident on one build. */
public enum Verdict {
    /** The baseline showed the incident's signature: the replay still detects the incident. */
    REPRODUCED,
    /** The baseline did not show the signature: the replay has rotted, or the baseline is not the incident's build. */
    NOT_REPRODUCED,
    /** The candidate met every budget. */
    PASS,
    /** The candidate missed at least one budget. */
    FAIL,
    /** A fault did not take effect (no connection touched, no byte delayed): nothing was tested. */
    INVALID,
    /** The replay was interrupted or broke before it finished; the results are partial. */
    INCOMPLETE;

    /** Whether this is what the role should produce: REPRODUCED for a baseline, PASS for a candidate. */
    public boolean expected() {
        return this == REPRODUCED || this == PASS;
    }

    /** The CLI's exit code for this verdict: 0 as expected, 1 a candidate failed, 2 otherwise. */
    public int exitCode() {
        return switch (this) {
            case REPRODUCED, PASS -> 0;
            case FAIL -> 1;
            case NOT_REPRODUCED, INVALID, INCOMPLETE -> 2;
        };
    }
}
