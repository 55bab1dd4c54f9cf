package io.incidentreplay.scenario;

import io.incidentreplay.scenario.internal.measure.Observations;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A number read off a replay — a latency percentile, an error share, a probe series' extreme, the
 * time until something happened — over one phase, that an {@link Expectation} bounds. NaN means
 * "nothing was measured", which never meets a bound.
 *
 * <p>A measure knows the phase and the request it reads, so that an incident can be checked
 * against its load before anything runs, and so that the same measure can be read over another
 * window: the signature over the control window ({@link #inPhase}) must not hold.
 */
public final class Measure {

    /**
     * Thrown by a reader where the environment cannot measure this at all (CloudWatch Logs where the
     * environment has none): the expectation is then not checkable, neither met nor failed, and the
     * result says why. Never for a replay that measured nothing: that is NaN, and fails.
     */
    static final class NotCheckable extends RuntimeException {
        NotCheckable(String why) {
            super(why, null, false, false);
        }
    }

    /** Reads the measure over the named phase. */
    interface Reader {
        double read(Observations observations, String phase);
    }

    private final String phase;
    private final String request;
    private final UnaryOperator<String> label;
    private final String unit;
    private final Reader reader;
    private final double highest;

    /**
     * @param phase the phase it reads, or null when it reads the whole replay and no phase
     * @param request the request name it reads, or null when it reads no requests
     * @param label its words for a phase, e.g. {@code p -> p + " p99 of checkout"}
     * @param highest the most it can ever read (100 for a percentage); a value at 0 or at this is
     *     at its bound, where a margin to a limit says nothing about how easily it could flip
     */
    Measure(String phase, String request, UnaryOperator<String> label, String unit, Reader reader, double highest) {
        this.phase = phase;
        this.request = request;
        this.label = label;
        this.unit = unit;
        this.reader = reader;
        this.highest = highest;
    }

    static Measure of(String phase, String request, UnaryOperator<String> label, String unit, Reader reader) {
        return new Measure(Objects.requireNonNull(phase, "phase"), request, label, unit, reader, Double.POSITIVE_INFINITY);
    }

    static Measure percent(String phase, String request, UnaryOperator<String> label, Reader reader) {
        return new Measure(Objects.requireNonNull(phase, "phase"), request, label, "%", reader, 100);
    }

    /** A measure over the whole replay that no other window can stand in for (e.g. lost writes). */
    static Measure overTheReplay(String label, String unit, Reader reader) {
        return new Measure(null, null, p -> label, unit, reader, Double.POSITIVE_INFINITY);
    }

    /**
     * The most this measure can read, e.g. the number of instances for "healthy targets": a candidate
     * that kept every target healthy is at its bound, not on a thin margin.
     */
    public Measure outOf(double most) {
        return new Measure(phase, request, label, unit, reader, most);
    }

    /** The same measure over another phase; a measure over the whole replay stays as it is. */
    public Measure inPhase(String otherPhase) {
        return phase == null ? this : new Measure(otherPhase, request, label, unit, reader, highest);
    }

    /** The phase it reads; empty when it reads the whole replay. */
    public Optional<String> phase() {
        return Optional.ofNullable(phase);
    }

    /** The request name it reads; empty when it reads no requests. */
    public Optional<String> request() {
        return Optional.ofNullable(request);
    }

    String label() {
        return label.apply(phase);
    }

    String unit() {
        return unit;
    }

    /** The value over its phase; NaN when nothing was measured. */
    public double read(Observations observations) {
        return reader.read(observations, phase);
    }

    /** "Never" (an infinite time until) is a failure, not the measure at its bound. */
    boolean atBound(double measured) {
        return !Double.isInfinite(measured) && (measured == 0 || measured == highest);
    }

    /** Met when the measured value is at most {@code limit}. */
    public Expectation atMost(double limit) {
        return new Expectation(this, Expectation.Comparison.AT_MOST, limit, null);
    }

    /** Met when the measured value is at least {@code limit}. */
    public Expectation atLeast(double limit) {
        return new Expectation(this, Expectation.Comparison.AT_LEAST, limit, null);
    }

    /** Met when the measured value is strictly below {@code limit}. */
    public Expectation below(double limit) {
        return new Expectation(this, Expectation.Comparison.BELOW, limit, null);
    }

    /** Met when the measured value is strictly above {@code limit}. */
    public Expectation above(double limit) {
        return new Expectation(this, Expectation.Comparison.ABOVE, limit, null);
    }

    /** A time bound in incident time: multiplied by the replay's time scale before it is applied. */
    public Expectation atMostScaled(Duration incidentTime) {
        return new Expectation(this, Expectation.Comparison.AT_MOST, Double.NaN, incidentTime);
    }

    /** A time bound in incident time: multiplied by the replay's time scale before it is applied. */
    public Expectation atLeastScaled(Duration incidentTime) {
        return new Expectation(this, Expectation.Comparison.AT_LEAST, Double.NaN, incidentTime);
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
