package io.incidentreplay.petforce.core;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where handlers get a connection. The before build borrows straight from the pool; the after
 * build puts its database circuit breaker in front (a decorator), so the handlers are the same.
 */
public interface Database {

    /** Borrows a connection for {@code work} and returns it to the pool afterwards. */
    <T> T query(SqlWork<T> work) throws SQLException;

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
