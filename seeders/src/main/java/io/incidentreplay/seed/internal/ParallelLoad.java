package io.incidentreplay.seed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the table COPYs on a few connections at once. Before V2 the tables have no keys, so they are
 * independent; each worker takes the largest table left, which keeps the workers' finish times
 * close. One COPY keeps a backend busy parsing while the client generates, so two connections keep
 * a 2-core machine's server side busy instead of one core.
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
        ConcurrentLinkedQueue<TableGenerator> queue = new ConcurrentLinkedQueue<>(tables.stream()
                .sorted(Comparator.comparingLong((TableGenerator t) -> expectedRows(t, plan)).reversed())
                .toList());
        Map<String, Long> loaded = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS, r -> {
            Thread thread = new Thread(r, "seed-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                results.add(workers.submit(() -> {
                    drain(connections, queue, plan, listener, loaded);
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                await(result);
            }
        } finally {
            workers.shutdownNow();
        }
        Map<String, Long> inOrder = new LinkedHashMap<>();
        tables.forEach(t -> inOrder.put(t.table(), loaded.get(t.table())));
        return inOrder;
    }

    private static void drain(ConnectionSource connections, ConcurrentLinkedQueue<TableGenerator> queue,
            DatasetPlan plan, TableListener listener, Map<String, Long> loaded) throws SQLException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            TableLoader loader = new TableLoader(connection);
            for (TableGenerator table = queue.poll(); table != null; table = queue.poll()) {
                long start = System.nanoTime();
                long rows = loader.load(table, plan);
                loaded.put(table.table(), rows);
                synchronized (listener) {
                    listener.loaded(table.table(), rows, Duration.ofNanos(System.nanoTime() - start));
                }
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

    /** Rough size for scheduling: child tables scale with pets, the rest with households. */
    private static long expectedRows(TableGenerator table, DatasetPlan plan) {
        return switch (table.table()) {
            case "medical_records", "medications", "tasks" -> 2L * plan.shape.pets();
            case "pets" -> plan.shape.pets();
            default -> plan.shape.users();
        };
    }
}
