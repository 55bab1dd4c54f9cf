package io.incidentreplay.petforce.core;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A {@link Database} that borrows from a HikariCP pool, nothing more. */
public final class PooledDatabase implements Database {

    private final HikariDataSource pool;

    public PooledDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public <T> T query(SqlWork<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        }
    }
}
