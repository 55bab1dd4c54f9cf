package io.incidentreplay.scenario;

import io.incidentreplay.scenario.internal.measure.Observations;
import java.time.Duration;
import java.util.Optional;

/**
 * Something a replay must show: a {@link Measure} with a bound. It is part of an incident's
 * signature (what the baseline must show to count as reproduced), its budgets (what the candidate
 * must meet to pass) or its steady-state hypothesis (what must hold before the fault). Build them
 * with {@link Expect}, e.g. {@code Expect.p99("fault", "checkout").atMost(700)}.
 */
public final class Expectation {

    /** How the measured value relates to the limit, with the words for "holds" and "does not". */
    enum Comparison {
        AT_MOST("<=", ">"), AT_LEAST(">=", "<"), BELOW("<", ">="), ABOVE(">", "<=");

        final String holds;
        final String fails;

        Comparison(String holds, String fails) {
            this.holds = holds;
            this.fails = fails;
        }

        boolean test(double measured, double limit) {
            return switch (this) {
                case AT_MOST -> measured <= limit;
                case AT_LEAST -> measured >= limit;
                case BELOW -> measured < limit;
                case ABOVE -> measured > limit;
            };
        }

        /** How far the value is on the good side of the limit, as a share of the limit (negative: on the bad side). */
        double margin(double measured, double limit) {
            if (limit == 0 || Double.isNaN(measured)) {
                return Double.NaN;
            }
            double distance = this == AT_MOST || this == BELOW ? limit - measured : measured - limit;
            return distance / Math.abs(limit);
        }
    }

    private final Measure measure;
    private final Comparison comparison;
    private final double fixedLimit;
    private final Duration incidentTime;

    /**
     * @param fixedLimit the bound, when it is not in incident time
     * @param incidentTime the bound before scaling, for limits in incident time; null for fixed limits
     */
    Expectation(Measure measure, Comparison comparison, double fixedLimit, Duration incidentTime) {
        this.measure = measure;
        this.comparison = comparison;
        this.fixedLimit = fixedLimit;
        this.incidentTime = incidentTime;
    }

    /** What is expected, in words, e.g. {@code fault p99 of checkout <= 600 ms}. */
    public String description() {
        String limit = incidentTime == null ? Measure.format(fixedLimit) + measure.unit() : incidentNote();
        return measure.label() + " " + comparison.holds + " " + limit;
    }

    /** The phase it judges; empty when it judges the whole replay. */
    public Optional<String> phase() {
        return measure.phase();
    }

    /** The request name it judges; empty when it judges no requests. */
    public Optional<String> request() {
        return measure.request();
    }

    /** The same bound on the same measure over another phase (the control window, the recovery). */
    public Expectation inPhase(String phase) {
        return new Expectation(measure.inPhase(phase), comparison, fixedLimit, incidentTime);
    }

    public Finding evaluate(Observations observations) {
        double limit = incidentTime == null ? fixedLimit : observations.timeScale().applyMillis(incidentTime.toMillis());
        double measured;
        try {
            measured = measure.read(observations);
        } catch (Measure.NotCheckable e) {
            return Finding.notCheckable(description(), limit, measure.label() + ": not checkable here: " + e.getMessage());
        }
        if (Double.isNaN(measured)) {
            return new Finding(description(), false, measured, limit, Double.NaN, false,
                    measure.label() + ": nothing was measured");
        }
        boolean met = comparison.test(measured, limit);
        String reason = measure.label() + " " + Measure.format(measured) + measure.unit() + " "
                + (met ? comparison.holds : comparison.fails) + " " + Measure.format(limit) + measure.unit()
                + (incidentTime == null ? "" : " (" + incidentNote() + ")");
        return new Finding(description(), met, measured, limit, comparison.margin(measured, limit),
                measure.atBound(measured), reason);
    }

    private String incidentNote() {
        return Measure.format(incidentTime.toMillis()) + measure.unit() + " incident time";
    }

    @Override
    public String toString() {
        return description();
    }
}
