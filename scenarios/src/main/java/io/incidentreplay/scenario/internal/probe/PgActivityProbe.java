package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Reads {@code pg_stat_activity} for the replay's database over a direct connection (never through
 * the fault proxy, so a database stall does not blind it): {@code db.connections},
 * {@code db.active}, {@code db.waiting} (active but waiting on a lock or I/O), and
 * {@code db.longest_active_ms}, the age of the oldest running query.
 */
public final class PgActivityProbe implements Probe, AutoCloseable {

    private static final String QUERY = """
            SELECT count(*),
                   count(*) FILTER (WHERE state = 'active'),
                   count(*) FILTER (WHERE state = 'active' AND wait_event_type IN ('Lock', 'LWLock', 'IO')),
                   coalesce(max(extract(epoch FROM clock_timestamp() - query_start) * 1000)
                            FILTER (WHERE state = 'active'), 0)
              FROM pg_stat_activity
             WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """;

    private final String jdbcUrl;
    private final Properties credentials;
    private final String database;
    private Connection connection;

    public PgActivityProbe(String adminJdbcUrl, String user, String password, String database) {
        this.jdbcUrl = adminJdbcUrl;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.database = database;
    }

    @Override
    public void sample(long atMillis, Timeline timeline) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(jdbcUrl, credentials);
            }
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setQueryTimeout(1);
                statement.setString(1, database);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    timeline.add(new Sample(atMillis, "db.connections", "db", rs.getLong(1)));
                    timeline.add(new Sample(atMillis, "db.active", "db", rs.getLong(2)));
                    timeline.add(new Sample(atMillis, "db.waiting", "db", rs.getLong(3)));
                    timeline.add(new Sample(atMillis, "db.longest_active_ms", "db", rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            close(); // reconnect next round; this round's reading is missing
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing a broken probe connection: nothing to do
        } finally {
            connection = null;
        }
    }
}
