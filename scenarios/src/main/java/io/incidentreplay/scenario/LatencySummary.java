package io.incidentreplay.scenario;

import java.util.Arrays;

/**
 * Exact latency percentiles of a set of requests (nearest-rank on the sorted values, no histogram
 * buckets), so a budget of 500 ms is judged on the real 99th-percentile request.
 */
public record LatencySummary(int count, long p50, long p95, long p99, long max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    public static LatencySummary of(long[] latenciesMillis) {
        if (latenciesMillis.length == 0) {
            return EMPTY;
        }
        long[] sorted = latenciesMillis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
