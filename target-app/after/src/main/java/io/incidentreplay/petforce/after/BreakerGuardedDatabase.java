package io.incidentreplay.petforce.after;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.incidentreplay.petforce.after.DatabaseFailures.DatabaseUnavailableException;
import io.incidentreplay.petforce.core.Database;
import java.sql.SQLException;

/**
 * WS1 part 4's fix (seed S0 457–496): a circuit breaker named {@code database} in front of every
 * query. Once unavailability failures pass the threshold, requests fail at once with 503 instead of
 * each waiting {@code DB_CONNECTION_TIMEOUT_MS} (30 s) for a connection. The opossum 10 s call timeout
 * is enforced by PostgreSQL's {@code statement_timeout} and the JDBC socket timeout instead.
 */
final class BreakerGuardedDatabase implements Database {

    private final Database pooled;
    private final CircuitBreaker breaker;

    BreakerGuardedDatabase(Database pooled, CircuitBreaker breaker) {
        this.pooled = pooled;
        this.breaker = breaker;
    }

    @Override
    public <T> T query(SqlWork<T> work) throws SQLException {
        try {
            return breaker.executeCheckedSupplier(() -> pooled.query(work));
        } catch (CallNotPermittedException open) {
            throw new DatabaseUnavailableException("database circuit breaker is open: failing fast", open);
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new SQLException(other);
        }
    }
}
