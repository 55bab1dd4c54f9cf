package io.incidentreplay.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * The data every page hands to its chart script as one JSON document: the chart definitions with
 * their series, and the annotations (fault windows, phase boundaries, signals) drawn on every chart.
 * Times are seconds since the run's load start, so two runs share one axis.
 */
public record Charts(List<Chart> charts, List<Span> faults, List<Mark> phases, List<Mark> signals) {

    /**
     * One chart.
     *
     * @param id stable element id, e.g. {@code latency}
     * @param unit the y axis title
     * @param stepped whether values hold until the next sample (gauges, states) rather than interpolate
     * @param levels horizontal lines drawn across the chart, e.g. a saturation threshold; may be empty
     * @param max the y axis maximum, or null to fit the data (e.g. 100 for a share of the machine)
     */
    public record Chart(String id, String title, String unit, boolean stepped, List<Series> series, List<Level> levels,
            Double max) {
        public Chart {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }

        public Chart(String id, String title, String unit, boolean stepped, List<Series> series) {
            this(id, title, unit, stepped, series, List.of(), null);
        }
    }

    /** A horizontal line at {@code value} on the y axis, e.g. {@code 90} for "saturated at 90 % busy". */
    public record Level(double value, String label) {}

    /**
     * One line.
     *
     * @param key the series' identity across runs, so baseline and candidate share a colour
     * @param run {@code baseline}/{@code candidate} on a comparison, null on a single report
     * @param points {@code [seconds, value]} pairs
     */
    public record Series(String label, String key, String run, List<double[]> points) {}

    /**
     * A shaded window, e.g. a toxic from applied to removed.
     *
     * @param run the run it belongs to on a comparison; null when it is the only run or both runs share it
     */
    public record Span(double from, double to, String label, String run) {
        Span shared() {
            return new Span(from, to, label, null);
        }
    }

    /** A vertical line, e.g. a phase boundary or a SIGTERM; {@code run} as for {@link Span}. */
    public record Mark(double at, String label, String run) {
        Mark shared() {
            return new Mark(at, label, null);
        }
    }

    /** Within this many seconds, the same annotation of both runs is drawn once. */
    private static final double SAME_MOMENT_SECONDS = 0.25;

    /**
     * Both runs' series on the same charts, and both runs' annotations labelled with their role. Charts
     * are matched by id: one only a run has (the machine chart of a result older than the other) is
     * kept with that run's series alone.
     */
    public static Charts overlay(Charts baseline, Charts candidate) {
        List<Chart> merged = new ArrayList<>();
        List<Chart> unmatched = new ArrayList<>(candidate.charts());
        for (Chart b : baseline.charts()) {
            Optional<Chart> twin = unmatched.stream().filter(c -> c.id().equals(b.id())).findFirst();
            twin.ifPresent(unmatched::remove);
            List<Series> series = new ArrayList<>(b.series());
            List<Level> levels = new ArrayList<>(b.levels());
            twin.ifPresent(c -> {
                series.addAll(c.series());
                c.levels().stream().filter(l -> !levels.contains(l)).forEach(levels::add);
            });
            merged.add(new Chart(b.id(), b.title(), b.unit(), b.stepped(), series, levels, b.max()));
        }
        merged.addAll(unmatched);
        return new Charts(merged,
                merge(baseline.faults(), candidate.faults(), (a, b) -> a.label().equals(b.label())
                        && close(a.from(), b.from()) && close(a.to(), b.to()), Span::shared),
                merge(baseline.phases(), candidate.phases(), Charts::sameMark, Mark::shared),
                merge(baseline.signals(), candidate.signals(), Charts::sameMark, Mark::shared));
    }

    /**
     * Both runs' annotations; one the candidate shares with the baseline (same schedule, same moment)
     * is drawn once, unlabelled by run, so identical schedules do not stack shading and labels.
     */
    private static <T> List<T> merge(List<T> baseline, List<T> candidate, BiPredicate<T, T> same, UnaryOperator<T> shared) {
        List<T> all = new ArrayList<>();
        List<T> unmatched = new ArrayList<>(candidate);
        for (T b : baseline) {
            Optional<T> twin = unmatched.stream().filter(c -> same.test(b, c)).findFirst();
            twin.ifPresent(unmatched::remove);
            all.add(twin.isPresent() ? shared.apply(b) : b);
        }
        all.addAll(unmatched);
        return all;
    }

    private static boolean sameMark(Mark a, Mark b) {
        return a.label().equals(b.label()) && close(a.at(), b.at());
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= SAME_MOMENT_SECONDS;
    }
}
