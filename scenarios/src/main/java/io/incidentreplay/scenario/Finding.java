package io.incidentreplay.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The judgement of one expectation on one replay, with its reason in numbers, e.g.
 * {@code fault p99 of all requests 31,204 ms > 500 ms}, and how far the measured value was from
 * flipping the judgement.
 *
 * @param expectation what was expected, in words
 * @param met whether the replay showed it
 * @param measured the measured value in the expectation's unit (NaN when nothing was measured)
 * @param limit the bound as applied, in the same unit (an incident-time bound already scaled)
 * @param margin how far the measured value lies on the met side of the limit, as a share of the
 *     limit: 0.4 = 40 % inside, -0.1 = 10 % outside; NaN when the limit is 0 or nothing was measured
 * @param atBound whether the measured value is the most or the least the measure can read (0 %
 *     errors, every target healthy): no margin to speak of, and none needed
 * @param reason the sentence a report or CI log shows
 * @param notCheckable whether the environment could not check it at all (then neither met nor failed)
 */
public record Finding(String expectation, boolean met, double measured, double limit, double margin, boolean atBound,
        String reason, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notCheckable) {

    /** A judged finding. */
    public Finding(String expectation, boolean met, double measured, double limit, double margin, boolean atBound,
            String reason) {
        this(expectation, met, measured, limit, margin, atBound, reason, false);
    }

    /**
     * An expectation this environment cannot check at all (e.g. log-group retention where there is no
     * CloudWatch Logs): not met, and not failed either; a verdict leaves it out, and the console and
     * the report show it as not checkable, with {@code reason} saying why.
     */
    public static Finding notCheckable(String expectation, double limit, String reason) {
        return new Finding(expectation, false, Double.NaN, limit, Double.NaN, false, reason, true);
    }

    /** Margins under this share of the limit are the verdicts that flip from run to run. */
    public static final double THIN = 0.25;

    /** Whether it counts against the verdict: judged, and not met. A finding not checkable here does not. */
    public boolean failed() {
        return !met && !notCheckable;
    }

    /** Whether the measured value came within {@link #THIN} of the limit, on either side of it. */
    @JsonProperty("thin")
    public boolean thin() {
        return !atBound && !notCheckable && !Double.isNaN(margin) && Math.abs(margin) < THIN;
    }

    /** e.g. {@code margin 12%}, for the console and the report. */
    public String marginText() {
        if (notCheckable) {
            return "not checkable";
        }
        if (atBound) {
            return "at its bound";
        }
        if (Double.isNaN(margin)) {
            return "no margin";
        }
        if (Double.isInfinite(margin)) {
            return margin > 0 ? "margin ∞" : "margin -∞";
        }
        return String.format(Locale.US, "margin %.0f%%", margin * 100);
    }
}
