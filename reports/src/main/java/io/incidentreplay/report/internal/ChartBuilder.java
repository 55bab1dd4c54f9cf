package io.incidentreplay.report.internal;

import io.incidentreplay.report.internal.Charts.Chart;
import io.incidentreplay.report.internal.Charts.Level;
import io.incidentreplay.report.internal.Charts.Mark;
import io.incidentreplay.report.internal.Charts.Series;
import io.incidentreplay.report.internal.Charts.Span;
import io.incidentreplay.report.internal.ReplayData.FaultEvent;
import io.incidentreplay.report.internal.ReplayData.Sample;
import io.incidentreplay.report.internal.ReplayData.TrafficSecond;
import io.incidentreplay.report.internal.ReplayData.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Turns one replay's traffic, probe timeline and fault events into the seven timeline charts, and
 * an eighth of the machine's CPU when the result recorded it (source {@code machine}). Gauges
 * reported per instance (pool, breaker) are summed over instances per sampling round; the engine
 * stamps every reading of a round with the same time, so the sums are exact.
 */
public final class ChartBuilder {

    private final ReplayData data;
    private final String run;
    private final long origin;

    /**
     * @param run the role to tag series and annotations with on a comparison; null on a single report
     */
    public ChartBuilder(ReplayData data, String run) {
        this.data = data;
        this.run = run;
        this.origin = data.loadStartMillis();
    }

    /** The machine probe's source; its series are shares of the whole machine's CPU, in percent. */
    static final String MACHINE = "machine";

    /** Drawn on the machine chart, in this order; steal only where the machine had any. */
    private static final List<String> MACHINE_SERIES = List.of(
            "machine.cpu.busy", "machine.cpu.pressure", "harness.cpu", "build.cpu", "machine.cpu.steal");

    public Charts build() {
        List<Chart> charts = new ArrayList<>(List.of(
                chart("throughput", "Throughput", "requests/s", false,
                        traffic("requests/s", "requests", t -> t.requests())),
                chart("latency", "Latency p50 / p99", "ms", false,
                        concat(traffic("p50", "p50", t -> t.p50()), traffic("p99", "p99", t -> t.p99()))),
                chart("errors", "Errors by status", "errors/s", false, errorsByStatus()),
                chart("pool", "Connection pool (sum over instances)", "connections", true,
                        summed(List.of("pool.active", "pool.idle", "pool.pending", "pool.max"))),
                chart("database", "Database", "connections / queries", true,
                        summed(List.of("db.active", "db.waiting", "db.connections"))),
                chart("breaker", "Circuit breakers open (instances)", "instances", true, breakers()),
                chart("targets", "Healthy targets at the load balancer", "targets", true,
                        summed(List.of("lb.healthy", "instance.up")))));
        if (data.timeline().stream().anyMatch(s -> MACHINE.equals(s.source()))) {
            charts.add(machine());
        }
        return new Charts(charts, faultWindows(), phaseBoundaries(), signals());
    }

    private Chart chart(String id, String title, String unit, boolean stepped, List<Series> series) {
        return new Chart(id, title, unit, stepped, series);
    }

    /**
     * CPU busy and pressure of the machine, and the harness's and the build's shares of it, with the
     * machine guard's saturation levels: a judged window whose mean reaches one is INVALID.
     */
    private Chart machine() {
        List<Series> series = new ArrayList<>();
        for (String name : MACHINE_SERIES) {
            Map<Long, Double> values = new TreeMap<>();
            data.timeline().stream()
                    .filter(s -> MACHINE.equals(s.source()) && name.equals(s.series()) && Double.isFinite(s.value()))
                    .forEach(s -> values.merge(s.atMillis(), s.value(), Double::sum));
            boolean none = values.values().stream().allMatch(v -> v == 0);
            if (!values.isEmpty() && !(none && name.equals("machine.cpu.steal"))) {
                series.add(series(name, name, points(values)));
            }
        }
        List<Level> levels = new ArrayList<>();
        var machine = data.machine();
        if (machine != null) {
            levels.add(new Level(machine.busyPercentSaturated(),
                    String.format(Locale.US, "saturated: busy ≥ %.0f%%", machine.busyPercentSaturated())));
            levels.add(new Level(machine.pressurePercentSaturated(),
                    String.format(Locale.US, "saturated: pressure ≥ %.0f%%", machine.pressurePercentSaturated())));
        }
        String cores = machine == null || machine.cores() <= 0 ? "" : " (" + machine.cores() + " cores)";
        return new Chart("machine", "Machine CPU" + cores, "percent", false, series, levels, 100.0);
    }

    private List<Series> traffic(String label, String key, ToDoubleFunction<TrafficSecond> value) {
        List<double[]> points = data.traffic().stream().map(t -> point(t.atMillis(), value.applyAsDouble(t))).toList();
        return points.isEmpty() ? List.of() : List.of(series(label, key, points));
    }

    /** One series per status; a second without that status counts 0, so lines drop back instead of bridging. */
    private List<Series> errorsByStatus() {
        TreeSet<String> statuses = new TreeSet<>();
        data.traffic().forEach(t -> statuses.addAll(t.errorsByStatus().keySet()));
        List<Series> series = new ArrayList<>();
        for (String status : statuses) {
            List<double[]> points = data.traffic().stream()
                    .map(t -> point(t.atMillis(), t.errorsByStatus().getOrDefault(status, 0L)))
                    .toList();
            series.add(series(status, "status " + status, points));
        }
        return series;
    }

    private List<Series> summed(List<String> names) {
        List<Series> series = new ArrayList<>();
        for (String name : names) {
            Map<Long, Double> sums = sumBySample(name);
            if (!sums.isEmpty()) {
                series.add(series(name, name, points(sums)));
            }
        }
        return series;
    }

    /** {@code breaker.<name>.open} is 1 per instance whose breaker is open: the sum is how many instances shed. */
    private List<Series> breakers() {
        TreeSet<String> names = new TreeSet<>();
        data.timeline().stream().map(Sample::series)
                .filter(s -> s != null && s.startsWith("breaker.") && s.endsWith(".open"))
                .forEach(names::add);
        List<Series> series = new ArrayList<>();
        for (String name : names) {
            String breaker = name.substring("breaker.".length(), name.length() - ".open".length());
            series.add(series(breaker + " open", name, points(sumBySample(name))));
        }
        return series;
    }

    private Map<Long, Double> sumBySample(String series) {
        Map<Long, Double> sums = new TreeMap<>();
        data.timeline().stream().filter(s -> series.equals(s.series()))
                .forEach(s -> sums.merge(s.atMillis(), s.value(), Double::sum));
        return sums;
    }

    private List<double[]> points(Map<Long, Double> sums) {
        return sums.entrySet().stream().map(e -> point(e.getKey(), e.getValue())).toList();
    }

    /** Each fault from "applied" to its "removed"; one never removed stays shaded to the end of the run. */
    private List<Span> faultWindows() {
        Map<String, Long> open = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>();
        for (FaultEvent e : sortedEvents()) {
            if ("applied".equals(e.action())) {
                open.putIfAbsent(e.fault(), e.atMillis());
            } else if ("removed".equals(e.action()) && open.containsKey(e.fault())) {
                spans.add(new Span(seconds(open.remove(e.fault())), seconds(e.atMillis()), e.fault(), run));
            }
        }
        long end = endMillis();
        open.forEach((fault, from) -> spans.add(new Span(seconds(from), seconds(Math.max(from, end)), fault, run)));
        return spans;
    }

    /** Signals (SIGTERM, SIGKILL) and failed fault steps: moments, not windows. */
    private List<Mark> signals() {
        return sortedEvents().stream()
                .filter(e -> !"applied".equals(e.action()) && !"removed".equals(e.action()))
                .map(e -> new Mark(seconds(e.atMillis()), e.action() + ": " + e.fault(), run))
                .toList();
    }

    /** Every phase start, and the end of the last phase. */
    private List<Mark> phaseBoundaries() {
        List<Window> phases = data.phaseWindows();
        List<Mark> marks = new ArrayList<>();
        phases.forEach(p -> marks.add(new Mark(seconds(p.fromMillis()), p.name(), run)));
        if (!phases.isEmpty()) {
            marks.add(new Mark(seconds(phases.get(phases.size() - 1).toMillis()), "end", run));
        }
        return marks;
    }

    private List<FaultEvent> sortedEvents() {
        List<FaultEvent> events = new ArrayList<>(data.faultEvents());
        events.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        return events;
    }

    /** The end of the run window, or of the last observation when the run was cut short. */
    private long endMillis() {
        long end = data.phases().stream().mapToLong(Window::toMillis).max().orElse(origin);
        end = Math.max(end, data.traffic().stream().mapToLong(t -> t.atMillis() + 1000).max().orElse(end));
        return Math.max(end, data.timeline().stream().mapToLong(Sample::atMillis).max().orElse(end));
    }

    private Series series(String label, String key, List<double[]> points) {
        return new Series(run == null ? label : run + " " + label, key, run, points);
    }


    private double[] point(long atMillis, double value) {
        return new double[] {seconds(atMillis), value};
    }

    private double seconds(long atMillis) {
        return (atMillis - origin) / 1000.0;
    }

    private static List<Series> concat(List<Series> a, List<Series> b) {
        List<Series> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
