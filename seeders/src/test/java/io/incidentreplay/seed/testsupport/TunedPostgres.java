package io.incidentreplay.seed.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL 16 per test class (or benchmark), tuned for throwaway data: no fsync, no
 * synchronous commit, no full-page writes, fewer checkpoints. Benchmarks say so next to their numbers.
 */
public final class TunedPostgres implements AutoCloseable {

    /** The settings applied, for benchmark reports. */
    public static final String SETTINGS =
            "fsync=off, synchronous_commit=off, full_page_writes=off, max_wal_size=4GB";

    private final EmbeddedPostgres postgres;

    private TunedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static TunedPostgres start() throws IOException {
        return new TunedPostgres(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_wal_size", "4GB")
                .start());
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}, user {@code postgres}, no password. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Creates an empty database and returns a data source for it. */
    public DataSource freshDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("CREATE DATABASE " + name);
        return database(name);
    }

    public DataSource database(String name) {
        return postgres.getDatabase("postgres", name);
    }

    /** Runs one statement on the maintenance database {@code postgres}. */
    public void execute(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** One value from a query on the maintenance database {@code postgres}. */
    public String queryAdmin(String sql) throws SQLException {
        return query(postgres.getPostgresDatabase(), sql);
    }

    public static String query(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static long count(DataSource db, String sql) throws SQLException {
        return Long.parseLong(query(db, sql));
    }

    /** md5 over every row's text, in a total order, so equal checksums mean byte-identical tables. */
    public static String checksum(DataSource db, String table) throws SQLException {
        return query(db, "SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\")) FROM " + table + " t");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
