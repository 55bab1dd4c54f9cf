package io.incidentreplay.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import io.incidentreplay.scenario.internal.measure.RequestRecord;

/**
 * What the requests of one window (and optionally one request name) measured: latency percentiles,
 * errors by status, throughput, and the share of degraded (fallback) answers.
 */
public record RequestStats(
        String window,
        String request,
        LatencySummary latency,
        long errors,
        Map<String, Long> errorsByStatus,
        double throughputPerSecond,
        long fallbacks) {

    /** Every request name together. */
    public static final String ALL = "all";

    /** Requests are assigned to the window in which they started. */
    public static RequestStats of(List<RequestRecord> records, Window window, String request) {
        Predicate<RequestRecord> selected = r -> window.contains(r.startMillis())
                && (ALL.equals(request) || r.name().equals(request));
        long[] latencies = records.stream().filter(selected).mapToLong(RequestRecord::latencyMillis).toArray();
        Map<String, Long> errorsByStatus = new TreeMap<>();
        long fallbacks = 0;
        for (RequestRecord r : records) {
            if (!selected.test(r)) {
                continue;
            }
            if (!r.ok()) {
                errorsByStatus.merge(r.errorKey(), 1L, Long::sum);
            }
            if (r.fallback()) {
                fallbacks++;
            }
        }
        long errors = errorsByStatus.values().stream().mapToLong(Long::longValue).sum();
        double seconds = window.seconds();
        double throughput = seconds > 0 ? latencies.length / seconds : 0;
        return new RequestStats(window.name(), request, LatencySummary.of(latencies), errors,
                Map.copyOf(errorsByStatus), throughput, fallbacks);
    }

    public int count() {
        return latency.count();
    }

    /** Errors as a percentage of all requests; 0 when there were none. */
    public double errorPercent() {
        return count() == 0 ? 0 : 100.0 * errors / count();
    }

    /** 5xx answers (from the build or the load balancer) as a percentage of all requests. */
    public double serverErrorPercent() {
        long fiveXx = errorsByStatus.entrySet().stream()
                .filter(e -> e.getKey().startsWith("5"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return count() == 0 ? 0 : 100.0 * fiveXx / count();
    }

    /** Degraded answers as a percentage of all requests. */
    public double fallbackPercent() {
        return count() == 0 ? 0 : 100.0 * fallbacks / count();
    }
}
