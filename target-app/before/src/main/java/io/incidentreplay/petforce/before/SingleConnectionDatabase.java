package io.incidentreplay.petforce.before;

import io.incidentreplay.petforce.core.CommonSettings;
import io.incidentreplay.petforce.core.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * S4's app before its failover fix (incidents.md A5): one connection, opened at start-up and shared by
 * every request in turn, never checked and never opened again. Once the database drops it (a Multi-AZ
 * failover, a restart), every query fails until the process is restarted: the seed's "2-3 minutes of
 * errors", for as long as nobody restarts it.
 */
final class SingleConnectionDatabase implements Database, AutoCloseable {

    private final Connection connection;

    SingleConnectionDatabase(CommonSettings settings) {
        try {
            this.connection = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database connection at " + settings.dbUrl() + ": " + e.getMessage(), e);
        }
    }

    /** One request at a time has the connection; what a request left (a transaction) is undone after it. */
    @Override
    public synchronized <T> T query(SqlWork<T> work) throws SQLException {
        try {
            return work.run(connection);
        } finally {
            restoreAutoCommit();
        }
    }

    private void restoreAutoCommit() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException broken) {
            // the connection is gone: the next query says so, to its own request
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing what is already broken
        }
    }
}
