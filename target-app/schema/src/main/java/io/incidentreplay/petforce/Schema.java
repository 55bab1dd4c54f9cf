package io.incidentreplay.petforce;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The PetForce schema: one set of Flyway migrations shared by both builds and the seeder.
 *
 * <p>{@code V1} creates bare tables; {@code V2} adds keys, foreign keys and indexes. The seeder
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

    /** Applies every pending migration. */
    public static void migrate(DataSource dataSource) {
        flyway(dataSource, MigrationVersion.LATEST).migrate();
    }

    /** Applies migrations up to {@link #TABLES_ONLY}: tables without keys or indexes. */
    public static void migrateTablesOnly(DataSource dataSource) {
        flyway(dataSource, TABLES_ONLY).migrate();
    }

    /** True when every migration on the classpath has been applied to this database. */
    public static boolean isUpToDate(DataSource dataSource) {
        return flyway(dataSource, MigrationVersion.LATEST).info().pending().length == 0;
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .target(target)
                .load();
    }
}
