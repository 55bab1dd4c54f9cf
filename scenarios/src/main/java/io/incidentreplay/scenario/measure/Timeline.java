package io.incidentreplay.scenario.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.DoublePredicate;

/**
 * Everything the probes sampled during a replay. Queries aggregate a series over its sources per
 * sampling round: {@link Aggregation#SUM} for "pending connections on all instances",
 * {@link Aggregation#MAX} for "the worst instance".
 */
public final class Timeline {

    /** How the sources of one round combine. */
    public enum Aggregation { SUM, MAX, MIN }

    /** One aggregated value of a series at one sampling round. */
    public record Point(long atMillis, double value) {}

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    public void add(Sample sample) {
        samples.add(sample);
    }

    public List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** The series aggregated per round, in time order, limited to the window. */
    public List<Point> points(String series, Aggregation aggregation, Window window) {
        Map<Long, Double> byRound = new TreeMap<>();
        for (Sample s : samples) {
            if (!s.series().equals(series) || !window.contains(s.atMillis())) {
                continue;
            }
            byRound.merge(s.atMillis(), s.value(), (a, b) -> combine(aggregation, a, b));
        }
        List<Point> points = new ArrayList<>(byRound.size());
        byRound.forEach((at, v) -> points.add(new Point(at, v)));
        return points;
    }

    /** The largest aggregated value in the window, or NaN when the series has no points there. */
    public double max(String series, Aggregation aggregation, Window window) {
        return points(series, aggregation, window).stream().mapToDouble(Point::value).max().orElse(Double.NaN);
    }

    /** The smallest aggregated value in the window, or NaN when the series has no points there. */
    public double min(String series, Aggregation aggregation, Window window) {
        return points(series, aggregation, window).stream().mapToDouble(Point::value).min().orElse(Double.NaN);
    }

    /** The first round in the window whose aggregated value matches. */
    public OptionalLong firstAt(String series, Aggregation aggregation, Window window, DoublePredicate condition) {
        return points(series, aggregation, window).stream()
                .filter(p -> condition.test(p.value()))
                .mapToLong(Point::atMillis)
                .findFirst();
    }

    /**
     * The longest stretch, in milliseconds, over which consecutive rounds all match: from the first
     * matching round to the last one of the run (a single matching round counts as 0 ms).
     */
    public long longestRunMillis(String series, Aggregation aggregation, Window window, DoublePredicate condition) {
        long longest = -1;
        long runStart = -1;
        for (Point p : points(series, aggregation, window)) {
            if (condition.test(p.value())) {
                if (runStart < 0) {
                    runStart = p.atMillis();
                }
                longest = Math.max(longest, p.atMillis() - runStart);
            } else {
                runStart = -1;
            }
        }
        return longest;
    }

    private static double combine(Aggregation aggregation, double a, double b) {
        return switch (aggregation) {
            case SUM -> a + b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }
}
