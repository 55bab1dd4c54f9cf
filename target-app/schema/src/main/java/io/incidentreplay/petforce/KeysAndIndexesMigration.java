package io.incidentreplay.petforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V2, "keys and indexes": the statements of {@code keys_and_indexes.sql}, run by
 * {@link ParallelDdl} on two connections. On a freshly seeded {@code production} dataset this is the
 * longest step of the seed, and on two cores two statements at a time finish it about a quarter
 * sooner. The file stays the one place that says which keys and indexes exist.
 *
 * <p>Not in a transaction: the statements run on connections of their own, each committing as it
 * ends. A failure leaves the statements before it applied and Flyway records V2 as failed — the
 * same as a failed non-transactional SQL migration; the database is a throwaway clone or a fresh one.
 */
final class KeysAndIndexesMigration implements JavaMigration {

    private static final String SCRIPT = "db/migration/petforce/keys_and_indexes.sql";
    private static final int CONNECTIONS = 2;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "keys and indexes";
    }

    /** Of the script, so that editing it is seen by Flyway's validation like an edited SQL migration. */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(script().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        DataSource dataSource = context.getConfiguration().getDataSource();
        if (dataSource == null) {
            throw new IllegalStateException("V2 needs Flyway configured with a DataSource (it opens "
                    + CONNECTIONS + " connections of its own)");
        }
        ParallelDdl.run(dataSource, ParallelDdl.parse(script()), CONNECTIONS);
    }

    /**
     * Read when Flyway asks (validation, migration), not when {@link Schema} is loaded: a build
     * starting on a migrated clone never starts Flyway and so never reads it.
     */
    String script() {
        try (InputStream in = KeysAndIndexesMigration.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCRIPT, e);
        }
    }
}
