package io.incidentreplay.petforce.after;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.incidentreplay.petforce.core.Json;
import io.javalin.http.Context;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WS3's probes (seed S0 2224–2310, 2362–2371). Liveness touches nothing. Readiness checks the
 * database within {@code READINESS_DB_TIMEOUT_MS} and never the weather API (health-check
 * isolation), and answers 503 {@code shutting-down} as soon as a drain begins. Startup answers 200
 * once the migrations are applied.
 */
final class HealthProbes implements AutoCloseable {

    private final HikariDataSource pool;
    private final Duration databaseTimeout;
    private final Instant startedAt = Instant.now();
    // Two threads: a stalled database parks at most these, never the request threads.
    private final ExecutorService checks = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean startedUp;
    private volatile boolean draining;

    HealthProbes(HikariDataSource pool, Duration databaseTimeout) {
        this.pool = pool;
        this.databaseTimeout = databaseTimeout;
    }

    void startUpDone() {
        startedUp = true;
    }

    boolean started() {
        return startedUp;
    }

    void beginDrain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    void liveness(Context ctx) {
        ctx.json(status("alive").put("uptime", Duration.between(startedAt, Instant.now()).toMillis() / 1000.0));
    }

    void startup(Context ctx) {
        ObjectNode body = status(startedUp ? "started" : "starting");
        body.putObject("checks").put("migrations", startedUp);
        ctx.status(startedUp ? 200 : 503).json(body);
    }

    void readiness(Context ctx) {
        if (draining) {
            ctx.status(503).json(status("shutting-down"));
            return;
        }
        if (!startedUp) {
            ctx.status(503).json(status("starting"));
            return;
        }
        String database = checkDatabase();
        ObjectNode body = status("ok".equals(database) ? "ready" : "not-ready");
        body.putObject("checks").put("database", database);
        ctx.status("ok".equals(database) ? 200 : 503).json(body);
    }

    private String checkDatabase() {
        Future<Boolean> check = checks.submit(() -> {
            try (Connection connection = pool.getConnection()) {
                return connection.isValid((int) Math.max(1, databaseTimeout.toSeconds()));
            }
        });
        try {
            return check.get(databaseTimeout.toMillis(), TimeUnit.MILLISECONDS) ? "ok" : "invalid connection";
        } catch (TimeoutException slow) {
            check.cancel(true);
            return "no answer within " + databaseTimeout.toMillis() + " ms";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception failed) {
            return "failed: " + failed.getCause();
        }
    }

    private static ObjectNode status(String status) {
        return Json.object().put("status", status).put("timestamp", Instant.now().toString());
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
