package io.incidentreplay.scenario.internal.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.DoublePredicate;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.Window;

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

    /**
     * The series aggregated per round, in time order, limited to the window. A round in which a
     * source that reported the series at any time of the replay is missing (a scrape that failed
     * or timed out) is a gap for {@link Aggregation#SUM}: summing the sources that did answer would
     * read as a drop ("pool 0/300" for four instances of 100), not as a missing reading. The
     * extremes of the sources that answered are real readings and stay.
     */
    public List<Point> points(String series, Aggregation aggregation, Window window) {
        Map<Long, Map<String, Double>> byRound = new TreeMap<>();
        Set<String> sources = new HashSet<>();
        for (Sample s : samples) {
            if (!s.series().equals(series)) {
                continue;
            }
            sources.add(s.source());
            if (window.contains(s.atMillis())) {
                byRound.computeIfAbsent(s.atMillis(), at -> new HashMap<>()).merge(s.source(), s.value(),
                        (a, b) -> combine(aggregation, a, b));
            }
        }
        List<Point> points = new ArrayList<>(byRound.size());
        byRound.forEach((at, bySource) -> {
            if (aggregation == Aggregation.SUM && bySource.size() < sources.size()) {
                return; // a gap, not a smaller sum
            }
            points.add(new Point(at, bySource.values().stream().reduce((a, b) -> combine(aggregation, a, b)).orElseThrow()));
        });
        return points;
    }

    /** Rounds in the window in which some source of the series did not report: gaps in its sum. */
    public int gaps(String series, Window window) {
        Map<Long, Set<String>> byRound = new TreeMap<>();
        Set<String> sources = new HashSet<>();
        for (Sample s : samples) {
            if (s.series().equals(series)) {
                sources.add(s.source());
                if (window.contains(s.atMillis())) {
                    byRound.computeIfAbsent(s.atMillis(), at -> new HashSet<>()).add(s.source());
                }
            }
        }
        return (int) byRound.values().stream().filter(present -> present.size() < sources.size()).count();
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
     * The share of the window's rounds, in percent, whose aggregated value matches; NaN when the
     * series has no complete round there. Unlike the longest unbroken stretch, one missed or
     * untypical round moves it by one round's share, not by half the window.
     */
    public double percentOfRounds(String series, Aggregation aggregation, Window window, DoublePredicate condition) {
        List<Point> points = points(series, aggregation, window);
        if (points.isEmpty()) {
            return Double.NaN;
        }
        return 100.0 * points.stream().filter(p -> condition.test(p.value())).count() / points.size();
    }

    /**
     * The share of every single reading of the series in the window (each source, each round), in
     * percent, that matches; NaN when there is none. For per-instance checks such as "each liveness
     * probe answered in time".
     */
    public double percentOfReadings(String series, Window window, DoublePredicate condition) {
        long all = 0;
        long matching = 0;
        for (Sample s : samples) {
            if (s.series().equals(series) && window.contains(s.atMillis())) {
                all++;
                if (condition.test(s.value())) {
                    matching++;
                }
            }
        }
        return all == 0 ? Double.NaN : 100.0 * matching / all;
    }

    /** Every series name with readings in the window that starts with the prefix, e.g. {@code breaker.}. */
    public Set<String> seriesStartingWith(String prefix, Window window) {
        Set<String> names = new TreeSet<>();
        for (Sample s : samples) {
            if (s.series().startsWith(prefix) && window.contains(s.atMillis())) {
                names.add(s.series());
            }
        }
        return names;
    }

    private static double combine(Aggregation aggregation, double a, double b) {
        return switch (aggregation) {
            case SUM -> a + b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }
}
