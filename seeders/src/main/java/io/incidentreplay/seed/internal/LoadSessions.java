package io.incidentreplay.seed.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections are set up for one bulk load: more memory for V2's index builds
 * and foreign-key validation joins (with the server defaults of 4 MB / 64 MB they spill to disk;
 * measured on PostgreSQL 15: keys and indexes for {@code production} 10.5 s with defaults, 4.9 s
 * with these), no parallel workers per index build (V2 already runs two statements at a time; on
 * two cores the extra workers only compete with them: {@code production} seeds in 7.1–8.4 s without
 * them, 8.8–9.7 s with), and no wait for WAL flush on commit (a crashed seed is re-run, not
 * recovered). Session settings only: nothing about the server or the database changes.
 */
public final class LoadSessions implements DataSource {

    static final String SETTINGS = "SET work_mem = '256MB'; SET maintenance_work_mem = '256MB'; "
            + "SET synchronous_commit = off; SET max_parallel_maintenance_workers = 0";

    private final DataSource target;

    public LoadSessions(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tune(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return tune(target.getConnection(username, password));
    }

    private static Connection tune(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SETTINGS);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
