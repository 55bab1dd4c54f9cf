package io.incidentreplay.petforce.core;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S4's slow start (incidents.md A9, replay A): "Node app plus DB connections" took 3–4 minutes, and
 * longer under load. With {@code STARTUP_WARMUP_QUERIES} a build reads that many pages of pets, one
 * after another, before it reports ready (the before build: before it listens), as an app that
 * primes its caches at boot does. Each read is a round trip to the database, so the start-up is as
 * slow as the database is: 300 reads take well under a second here, and 30 s through a 100 ms latency.
 */
public final class StartupWarmup {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final String PAGE = "SELECT id, name FROM pets ORDER BY id LIMIT 20 OFFSET ?";

    private StartupWarmup() {}

    /** @throws IllegalStateException when a read fails: the build does not start half warm */
    public static void run(Database database, int queries) {
        if (queries == 0) {
            return;
        }
        long started = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            int offset = i % 50 * 20;
            try {
                database.query(connection -> read(connection.prepareStatement(PAGE), offset));
            } catch (SQLException e) {
                throw new IllegalStateException("start-up warm-up failed at read " + (i + 1) + " of " + queries + ": " + e.getMessage(), e);
            }
        }
        log.info("start-up warm-up: {} reads in {} ms", queries, (System.nanoTime() - started) / 1_000_000);
    }

    private static Integer read(PreparedStatement statement, int offset) throws SQLException {
        try (statement) {
            statement.setInt(1, offset);
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
