package io.incidentreplay.petforce.after;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.incidentreplay.petforce.after.DatabaseFailures.DatabaseUnavailableException;
import io.incidentreplay.petforce.core.Database;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * WS1 part 4's fix (seed S0 457–496): a circuit breaker named {@code database} in front of every
 * query, and opossum's call timeout ({@code timeout: 10000}, S0 470) around each call, pool acquire
 * included. Once unavailability failures pass the threshold, requests fail at once with 503 instead of
 * each waiting {@code DB_CONNECTION_TIMEOUT_MS} (30 s) for a connection.
 *
 * <p>The call timeout is what lets the breaker see a database that stalls without answering: the
 * server's {@code statement_timeout} cannot reach a client whose network is stalled, and waiting for
 * a connection counts only once the 30 s acquire timeout has passed.
 */
final class BreakerGuardedDatabase implements Database, AutoCloseable {

    private final Database pooled;
    private final CircuitBreaker breaker;
    private final TimeLimiter callTimeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "db-call");
        thread.setDaemon(true);
        return thread;
    });

    BreakerGuardedDatabase(Database pooled, CircuitBreaker breaker, Duration callTimeout) {
        this.pooled = pooled;
        this.breaker = breaker;
        this.callTimeout = TimeLimiter.of("database", TimeLimiterConfig.custom()
                .timeoutDuration(callTimeout)
                .cancelRunningFuture(true)
                .build());
    }

    @Override
    public <T> T query(SqlWork<T> work) throws SQLException {
        try {
            return breaker.executeCallable(() -> callTimeout.executeFutureSupplier(() -> calls.submit(() -> pooled.query(work))));
        } catch (CallNotPermittedException open) {
            throw new DatabaseUnavailableException("database circuit breaker is open: failing fast", open);
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (TimeoutException slow) {
            throw new DatabaseUnavailableException("database call took longer than " + callTimeout.getTimeLimiterConfig()
                    .getTimeoutDuration().toMillis() + " ms", slow);
        } catch (Exception other) {
            throw new SQLException(other);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
