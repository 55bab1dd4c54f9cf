package io.incidentreplay.seed;

import java.time.Duration;

/** Told about each step of a seed as it finishes. Calls never overlap, but tables are reported from loader threads. */
public interface ProgressListener {

    /** One table's COPY finished. */
    void tableLoaded(String table, long rows, Duration took);

    /** A step after the COPYs finished: {@code keys and indexes}, {@code sequences}, {@code analyze}. */
    default void stepFinished(String step, Duration took) {}

    /** A listener that ignores everything. */
    static ProgressListener silent() {
        return (table, rows, took) -> {};
    }
}
