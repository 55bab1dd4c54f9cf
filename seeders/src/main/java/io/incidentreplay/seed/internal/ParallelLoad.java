package io.incidentreplay.seed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs per-table work on a few connections at once: the COPYs (before V2 the tables have no keys, so
 * they are independent) and the {@code ANALYZE}s. One COPY keeps a backend busy storing while the
 * client generates, so two connections keep a 2-core machine's server side busy instead of one core.
 */
public final class ParallelLoad {

    /** Connections used for COPY; more does not help on the 2-core machine the budget is set for. */
    public static final int CONNECTIONS = 2;

    /** Told about each loaded table; calls are serialised, from the worker threads. */
    public interface TableListener {
        void loaded(String table, long rows, Duration took);
    }

    /** Something that opens a connection to the target, with errors already explained. */
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private ParallelLoad() {}

    /** Loads every table of {@link TableGenerator#all()}; returns rows per table in load order. */
    public static Map<String, Long> run(ConnectionSource connections, DatasetPlan plan, TableListener listener)
            throws SQLException {
        List<TableGenerator> tables = TableGenerator.all();
        Map<String, Long> loaded = new ConcurrentHashMap<>();
        onConnections(connections, largestFirst(tables, plan), (connection, table) -> {
            long start = System.nanoTime();
            long rows = new TableLoader(connection).load(table, plan);
            loaded.put(table.table(), rows);
            synchronized (listener) {
                listener.loaded(table.table(), rows, Duration.ofNanos(System.nanoTime() - start));
            }
        });
        Map<String, Long> inOrder = new LinkedHashMap<>();
        tables.forEach(t -> inOrder.put(t.table(), loaded.get(t.table())));
        return inOrder;
    }

    /**
     * {@code ANALYZE}s every table, a table per connection at a time: one {@code ANALYZE} of the
     * whole database runs on one backend, so one core (measured: 1.8 s, 1.2 s on two connections).
     */
    public static void analyze(ConnectionSource connections, DatasetPlan plan) throws SQLException {
        onConnections(connections, largestFirst(TableGenerator.all(), plan), (connection, table) -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + table.table());
            }
        });
    }

    private interface Job {
        void run(Connection connection, TableGenerator table) throws SQLException;
    }

    /**
     * Runs the job for every queued table on {@link #CONNECTIONS} connections; each worker takes the
     * largest table left, which keeps the workers' finish times close.
     */
    private static void onConnections(ConnectionSource connections, Queue<TableGenerator> queue, Job job)
            throws SQLException {
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS, r -> {
            Thread thread = new Thread(r, "seed-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                results.add(workers.submit(() -> {
                    drain(connections, queue, job);
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                await(result);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static void drain(ConnectionSource connections, Queue<TableGenerator> queue, Job job)
            throws SQLException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            for (TableGenerator table = queue.poll(); table != null; table = queue.poll()) {
                job.run(connection, table);
            }
        }
    }

    private static void await(Future<Void> result) throws SQLException {
        try {
            result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    private static Queue<TableGenerator> largestFirst(List<TableGenerator> tables, DatasetPlan plan) {
        return new ConcurrentLinkedQueue<>(tables.stream()
                .sorted(Comparator.comparingLong((TableGenerator t) -> expectedRows(t, plan)).reversed())
                .toList());
    }

    /** Rough size for scheduling: child tables scale with pets, the rest with households. */
    private static long expectedRows(TableGenerator table, DatasetPlan plan) {
        return switch (table.table()) {
            case "medical_records", "medications", "tasks" -> 2L * plan.shape.pets();
            case "pets" -> plan.shape.pets();
            default -> plan.shape.users();
        };
    }
}
