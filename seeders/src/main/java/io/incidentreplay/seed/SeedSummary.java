package io.incidentreplay.seed;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a seed loaded: rows per table in load order, and the wall time from the first migration to
 * the end of {@code ANALYZE}.
 */
public record SeedSummary(DatasetSpec spec, Map<String, Long> rowsPerTable, Duration took) {

    public SeedSummary {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    public long rows(String table) {
        Long rows = rowsPerTable.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("no table '" + table + "' in " + rowsPerTable.keySet());
        }
        return rows;
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows per second over the whole seed, indexes and ANALYZE included. */
    public double rowsPerSecond() {
        return totalRows() / Math.max(took.toNanos() / 1e9, 1e-9);
    }
}
