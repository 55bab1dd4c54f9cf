package io.incidentreplay.report.internal;

import static io.incidentreplay.report.internal.Html.number;
import static io.incidentreplay.report.internal.Html.text;

import io.incidentreplay.report.internal.ReplayData.Sample;
import io.incidentreplay.report.internal.ReplayData.Stats;
import io.incidentreplay.report.internal.ReplayData.Window;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The headline numbers of baseline and candidate per window, with the candidate's delta: latency,
 * errors, throughput and fallbacks from the request statistics, and the worst pool, database and
 * target-health readings from the timeline (per-instance gauges summed per sampling round).
 */
public final class Headlines {

    private record Metric(String name, boolean lowerIsBetter, Function<Numbers, OptionalDouble> value) {}

    /** One run's numbers in one window. */
    private record Numbers(Optional<Stats> stats, ReplayData data, Optional<Window> window) {

        OptionalDouble fromStats(Function<Stats, Double> f) {
            return stats.map(s -> OptionalDouble.of(f.apply(s))).orElse(OptionalDouble.empty());
        }

        /** The peak (or trough) of a series summed over its sources, within the window. */
        OptionalDouble timeline(String series, boolean peak) {
            if (window.isEmpty()) {
                return OptionalDouble.empty();
            }
            Window w = window.get();
            Map<Long, Double> sums = new TreeMap<>();
            for (Sample s : data.timeline()) {
                if (series.equals(s.series()) && s.atMillis() >= w.fromMillis() && s.atMillis() < w.toMillis()) {
                    sums.merge(s.atMillis(), s.value(), Double::sum);
                }
            }
            return peak ? sums.values().stream().mapToDouble(Double::doubleValue).max()
                    : sums.values().stream().mapToDouble(Double::doubleValue).min();
        }
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("p50 ms", true, n -> n.fromStats(s -> (double) s.latency().p50())),
            new Metric("p99 ms", true, n -> n.fromStats(s -> (double) s.latency().p99())),
            new Metric("error %", true, n -> n.fromStats(Stats::errorPercent)),
            new Metric("throughput req/s", false, n -> n.fromStats(Stats::throughputPerSecond)),
            new Metric("fallback %", true, n -> n.fromStats(Stats::fallbackPercent)),
            new Metric("peak pool pending", true, n -> n.timeline("pool.pending", true)),
            new Metric("peak DB active queries", true, n -> n.timeline("db.active", true)),
            new Metric("fewest healthy targets", false, n -> n.timeline("lb.healthy", false)));

    private Headlines() {}

    /**
     * The table: one row per metric, one column per window; each cell reads
     * {@code baseline → candidate} with the delta below it (green when the candidate is better).
     */
    public static String table(ReplayData baseline, ReplayData candidate) {
        Set<String> windows = new LinkedHashSet<>();
        baseline.phases().forEach(w -> windows.add(w.name()));
        candidate.phases().forEach(w -> windows.add(w.name()));
        if (windows.isEmpty()) {
            return "<p class=\"empty\">Neither run recorded a phase, so there is nothing to compare.</p>\n";
        }
        StringBuilder out = new StringBuilder("<table class=\"deltas\"><thead><tr><th>metric</th>");
        windows.forEach(w -> out.append("<th class=\"num\">").append(text(w)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (Metric metric : METRICS) {
            out.append("<tr><td>").append(metric.name()).append("</td>");
            for (String window : windows) {
                out.append(cell(metric, metric.value().apply(numbers(baseline, window)),
                        metric.value().apply(numbers(candidate, window))));
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static Numbers numbers(ReplayData data, String window) {
        Optional<Stats> stats = data.stats().stream()
                .filter(s -> window.equals(s.window()) && "all".equals(s.request())).findFirst();
        Optional<Window> span = data.phases().stream().filter(w -> window.equals(w.name())).findFirst();
        return new Numbers(stats, data, span);
    }

    private static String cell(Metric metric, OptionalDouble b, OptionalDouble c) {
        String delta = "";
        String tone = "";
        if (b.isPresent() && c.isPresent()) {
            double d = c.getAsDouble() - b.getAsDouble();
            delta = d == 0 ? "±0" : (d > 0 ? "+" : "") + number(d) + (b.getAsDouble() != 0
                    ? String.format(Locale.US, " (%+.0f %%)", 100 * d / Math.abs(b.getAsDouble())) : "");
            tone = d == 0 ? "" : (d < 0) == metric.lowerIsBetter() ? " better" : " worse";
        }
        return "<td class=\"num" + tone + "\">" + value(b) + " → " + value(c) + "<br><small>" + delta + "</small></td>";
    }

    private static String value(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "&mdash;";
    }
}
