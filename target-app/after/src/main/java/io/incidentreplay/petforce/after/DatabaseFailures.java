package io.incidentreplay.petforce.after;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Which SQL failures mean "the database is unavailable" (they count against the database breaker
 * and answer 503), as opposed to a bad request or a bug (500).
 */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static boolean isUnavailability(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException
                    || t instanceof SQLTransientConnectionException  // HikariCP: no connection within connectionTimeout
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException) {              // the database call timeout
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection exception, 57 operator intervention (57014 = statement_timeout,
                // 57P01 = terminated), 53 insufficient resources, 3D000 database does not exist.
                if (state.startsWith("08") || state.startsWith("57") || state.startsWith("53") || state.equals("3D000")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Thrown instead of waiting when the database breaker is open. */
    static final class DatabaseUnavailableException extends SQLException {
        DatabaseUnavailableException(String message, Throwable cause) {
            super(message, "08000", cause);
        }
    }
}
