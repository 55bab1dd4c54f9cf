package io.incidentreplay.scenario.expect;

import io.incidentreplay.scenario.measure.Observations;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A number read off a replay — a latency percentile, an error share, a probe series' extreme, the
 * time until something happened — that an expectation bounds. NaN means "nothing was measured",
 * which never meets a bound.
 */
public final class Measure {

    private final String label;
    private final String unit;
    private final ToDoubleFunction<Observations> read;

    Measure(String label, String unit, ToDoubleFunction<Observations> read) {
        this.label = label;
        this.unit = unit;
        this.read = read;
    }

    /** Met when the measured value is at most {@code limit}. */
    public Expectation atMost(double limit) {
        return bound("<=", ">", limit, null, (m, l) -> m <= l);
    }

    /** Met when the measured value is at least {@code limit}. */
    public Expectation atLeast(double limit) {
        return bound(">=", "<", limit, null, (m, l) -> m >= l);
    }

    /** Met when the measured value is strictly below {@code limit}. */
    public Expectation below(double limit) {
        return bound("<", ">=", limit, null, (m, l) -> m < l);
    }

    /** Met when the measured value is strictly above {@code limit}. */
    public Expectation above(double limit) {
        return bound(">", "<=", limit, null, (m, l) -> m > l);
    }

    /** A time bound in incident time: multiplied by the replay's time scale before it is applied. */
    public Expectation atMostScaled(Duration incidentTime) {
        return bound("<=", ">", Double.NaN, incidentTime, (m, l) -> m <= l);
    }

    /** A time bound in incident time: multiplied by the replay's time scale before it is applied. */
    public Expectation atLeastScaled(Duration incidentTime) {
        return bound(">=", "<", Double.NaN, incidentTime, (m, l) -> m >= l);
    }

    private interface Comparison {
        boolean holds(double measured, double limit);
    }

    /**
     * @param fixedLimit the bound, when it is not in incident time
     * @param incidentTime the bound before scaling, for limits in incident time; null for fixed limits
     */
    private Expectation bound(String op, String negatedOp, double fixedLimit, Duration incidentTime, Comparison comparison) {
        ToDoubleFunction<Observations> limitOf = incidentTime == null
                ? obs -> fixedLimit
                : obs -> incidentTime.toMillis() * obs.timeScale();
        String incidentNote = incidentTime == null ? "" : format(incidentTime.toMillis()) + unit + " incident time";
        String description = label + " " + op + " " + (incidentTime == null ? format(fixedLimit) + unit : incidentNote);
        return new Expectation() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Finding evaluate(Observations observations) {
                double measured = read.applyAsDouble(observations);
                if (Double.isNaN(measured)) {
                    return new Finding(description, false, measured, label + ": nothing was measured");
                }
                double limit = limitOf.applyAsDouble(observations);
                boolean met = comparison.holds(measured, limit);
                String reason = label + " " + format(measured) + unit + " " + (met ? op : negatedOp) + " "
                        + format(limit) + unit + (incidentTime == null ? "" : " (" + incidentNote + ")");
                return new Finding(description, met, measured, reason);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Whole numbers with thousands separators, others with up to two decimals: 31,204 / 0.35. */
    static String format(double value) {
        if (Double.isInfinite(value)) {
            return "never";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.US, "%,d", (long) value);
        }
        return String.format(Locale.US, "%,.2f", value);
    }
}
