package io.incidentreplay.seed;

import io.incidentreplay.petforce.Schema;
import io.incidentreplay.seed.internal.DatasetPlan;
import io.incidentreplay.seed.internal.LoadSessions;
import io.incidentreplay.seed.internal.ParallelLoad;
import io.incidentreplay.seed.internal.TableGenerator;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * Loads a {@link DatasetSpec} into an empty PostgreSQL database: V1 tables, one streamed COPY per
 * table in binary format (two tables at a time, see {@link ParallelLoad}), then V2 (keys, foreign
 * keys, indexes built once over the data), identity sequences moved past the loaded ids, and
 * {@code ANALYZE} of each table (two at a time).
 *
 * <p>Stateless and thread-safe; each call uses its own connections.
 * <pre>{@code
 * SeedSummary summary = Seeder.seed(dataSource, DatasetSpec.preset("ci"), ProgressListener.silent());
 * }</pre>
 */
public final class Seeder {

    /** Every PetForce table, in load order. */
    public static final List<String> TABLES =
            TableGenerator.all().stream().map(TableGenerator::table).toList();

    /** Tables whose {@code id} is an identity column. */
    private static final List<String> IDENTITY_TABLES =
            List.of("users", "households", "pets", "medical_records", "medications", "tasks");

    private Seeder() {}

    /**
     * Seeds a database that holds no PetForce tables.
     *
     * @throws ExistingDataException        when any PetForce table exists already
     * @throws DatabaseUnreachableException when no connection can be opened
     */
    public static SeedSummary seed(DataSource dataSource, DatasetSpec spec, ProgressListener listener) {
        return run(dataSource, spec, listener, false);
    }

    /** Drops the PetForce tables and Flyway's history, then seeds as {@link #seed} does. */
    public static SeedSummary replace(DataSource dataSource, DatasetSpec spec, ProgressListener listener) {
        return run(dataSource, spec, listener, true);
    }

    private static SeedSummary run(DataSource target, DatasetSpec spec, ProgressListener listener, boolean replace) {
        long start = System.nanoTime();
        String described = Connections.describe(target);
        DataSource dataSource = new LoadSessions(target);
        // Datafaker's first use in a JVM loads its dictionaries (seconds on a busy machine): build the
        // pools while the database is checked and V1 applied, instead of after.
        CompletableFuture<DatasetPlan> plan = CompletableFuture.supplyAsync(() -> new DatasetPlan(spec));
        try (Connection connection = Connections.open(dataSource)) {
            connection.setAutoCommit(true);
            if (replace) {
                dropPetForceTables(connection);
            } else {
                refuseExistingData(connection, described);
            }
            Schema.migrateTablesOnly(dataSource);
            Map<String, Long> rows = ParallelLoad.run(() -> Connections.open(dataSource), plan.join(),
                    listener::tableLoaded);
            long step = System.nanoTime();
            Schema.migrate(dataSource);
            listener.stepFinished("keys and indexes", Duration.ofNanos(System.nanoTime() - step));
            step = System.nanoTime();
            moveIdentitySequences(connection);
            listener.stepFinished("sequences", Duration.ofNanos(System.nanoTime() - step));
            step = System.nanoTime();
            ParallelLoad.analyze(() -> Connections.open(dataSource), plan.join());
            listener.stepFinished("analyze", Duration.ofNanos(System.nanoTime() - step));
            return new SeedSummary(spec, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (SQLException e) {
            throw new SeedException("seeding " + spec + " into " + described
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void refuseExistingData(Connection connection, String target) throws SQLException {
        List<String> existing = existingTables(connection);
        if (!existing.isEmpty()) {
            throw new ExistingDataException(target + " already holds PetForce tables " + existing
                    + "; seeding would mix two datasets. Re-run with --replace (Seeder.replace from code) "
                    + "to drop them first, or point --jdbc-url at an empty database.");
        }
    }

    private static List<String> existingTables(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_name = ANY (?) ORDER BY table_name")) {
            Array names = connection.createArrayOf("text", TABLES.toArray());
            query.setArray(1, names);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    private static void dropPetForceTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + String.join(", ", TABLES) + ", flyway_schema_history CASCADE");
        }
    }

    /** The builds insert without ids; their identity sequences must start after the seeded ones. */
    private static void moveIdentitySequences(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : IDENTITY_TABLES) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "COALESCE(MAX(id), 0) + 1, false) FROM " + table);
            }
        }
    }
}
