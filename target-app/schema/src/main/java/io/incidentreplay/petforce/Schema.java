package io.incidentreplay.petforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The PetForce schema: one set of Flyway migrations shared by both builds and the seeder.
 *
 * <p>{@code V1} creates bare tables; {@code V2} ({@link KeysAndIndexesMigration}, the statements of
 * {@code keys_and_indexes.sql} two at a time) adds keys, foreign keys and indexes. The seeder
 * migrates to {@link #TABLES_ONLY}, bulk-loads, then migrates to the latest version so every index
 * is built once over the loaded data. Both builds simply call {@link #migrate(DataSource)}.
 *
 * <p>Ids are identity columns. Whoever inserts explicit ids (the seeder) must move the identity
 * sequences past them afterwards, or the builds' own inserts collide.
 */
public final class Schema {

    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration/petforce";

    /** The last migration that only creates tables. */
    public static final MigrationVersion TABLES_ONLY = MigrationVersion.fromVersion("1");

    private Schema() {}

    /**
     * Every migration version on the classpath, in order (SchemaVersionsTest keeps this list equal to
     * the files). Lets {@link #migrate} see in one query that nothing is pending.
     */
    static final List<String> VERSIONS = List.of("1", "2");

    /** Migrations written in Java; the others are the {@code V<n>__*.sql} files at {@link #LOCATION}. */
    static final List<JavaMigration> JAVA_MIGRATIONS = List.of(new KeysAndIndexesMigration());

    /**
     * Applies every pending migration. A database that already has every version applied is left
     * alone without starting Flyway: scanning the jar for migrations and validating them took ~0.7 s of
     * a build's ~2 s start-up, and every replay instance starts on a fully migrated clone.
     */
    public static void migrate(DataSource dataSource) {
        if (!hasEveryVersionApplied(dataSource)) {
            flyway(dataSource, MigrationVersion.LATEST).migrate();
        }
    }

    /** True when Flyway's history lists every version of {@link #VERSIONS} as applied successfully. */
    static boolean hasEveryVersionApplied(DataSource dataSource) {
        String sql = "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success AND version = ANY (?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", VERSIONS.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == VERSIONS.size();
            }
        } catch (SQLException noHistoryYet) {
            return false; // a new database, or no access to the history: Flyway decides
        }
    }

    /** Applies migrations up to {@link #TABLES_ONLY}: tables without keys or indexes. */
    public static void migrateTablesOnly(DataSource dataSource) {
        flyway(dataSource, TABLES_ONLY).migrate();
    }

    /** True when Flyway finds every migration on the classpath applied (the full check; tests use it as the oracle). */
    public static boolean isUpToDate(DataSource dataSource) {
        return flyway(dataSource, MigrationVersion.LATEST).info().pending().length == 0;
    }

    /**
     * A database whose schema holds other tables but no Flyway history (one shared with something
     * else, e.g. {@code pgbench}) is baselined at version 0, so the PetForce migrations go on top of
     * it instead of Flyway refusing with "non-empty schema but no schema history table".
     */
    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(JAVA_MIGRATIONS.toArray(JavaMigration[]::new))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables of others, before PetForce")
                .target(target)
                .load();
    }
}
