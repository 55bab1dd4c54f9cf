package io.incidentreplay.report.internal;

import java.util.ArrayList;
import java.util.List;

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
     */
    public record Chart(String id, String title, String unit, boolean stepped, List<Series> series) {}

    /**
     * One line.
     *
     * @param key the series' identity across runs, so baseline and candidate share a colour
     * @param run {@code baseline}/{@code candidate} on a comparison, null on a single report
     * @param points {@code [seconds, value]} pairs
     */
    public record Series(String label, String key, String run, List<double[]> points) {}

    /** A shaded window, e.g. a toxic from applied to removed. */
    public record Span(double from, double to, String label) {}

    /** A vertical line, e.g. a phase boundary or a SIGTERM. */
    public record Mark(double at, String label) {}

    /** Both runs' series on the same charts, and both runs' annotations labelled with their role. */
    public static Charts overlay(Charts baseline, Charts candidate) {
        List<Chart> merged = new ArrayList<>();
        for (int i = 0; i < baseline.charts().size(); i++) {
            Chart b = baseline.charts().get(i);
            List<Series> series = new ArrayList<>(b.series());
            series.addAll(candidate.charts().get(i).series());
            merged.add(new Chart(b.id(), b.title(), b.unit(), b.stepped(), series));
        }
        return new Charts(merged, concat(baseline.faults(), candidate.faults()),
                concat(baseline.phases(), candidate.phases()), concat(baseline.signals(), candidate.signals()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
