package io.incidentreplay.petforce.core;

import io.incidentreplay.petforce.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Embedded PostgreSQL for the builds' integration tests: one server per test class, a migrated
 * template loaded with the small dataset below, and a fresh clone of it per test.
 *
 * <p>The dataset (generate_series, independent of the seeder): 200 users with tokens
 * {@code token-<id>}; user {@code n} owns household {@code n} (and user 1 is also a member of
 * household 2); {@value #LIVE_PETS} live pets spread over the 200 households plus
 * {@value #DELETED_PETS} soft-deleted ones; per live pet 2 medical records with 1 medication each
 * and 2 tasks assigned to the household owner. User 1 lives in zip {@value #USER_1_ZIP}.
 */
public final class PetForceTestDatabase implements AutoCloseable {

    public static final int USERS = 200;
    public static final int LIVE_PETS = 2_000;
    public static final int DELETED_PETS = 100;
    public static final String USER_1_ZIP = "94107";
    /** Live pets user 1 sees through membership: households 1 and 2, 10 pets each. */
    public static final int USER_1_VISIBLE_PETS = 20;

    private static final String TEMPLATE = "petforce_template";
    private static final AtomicInteger clones = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private PetForceTestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PetForceTestDatabase start() throws IOException, SQLException {
        PetForceTestDatabase db = new PetForceTestDatabase(EmbeddedPostgres.builder().start());
        db.execute(db.postgres.getPostgresDatabase(), "CREATE DATABASE " + TEMPLATE);
        DataSource template = db.postgres.getDatabase("postgres", TEMPLATE);
        Schema.migrate(template);
        db.execute(template, DATASET);
        return db;
    }

    /** A new database cloned from the loaded template; returns its JDBC URL. */
    public String freshDatabaseUrl() throws SQLException {
        String name = "petforce_" + clones.incrementAndGet();
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return jdbcUrl(name);
    }

    /** An empty database (no schema), to see a build migrate it. */
    public String emptyDatabaseUrl() throws SQLException {
        String name = "petforce_empty_" + clones.incrementAndGet();
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public DataSource dataSource(String jdbcUrl) {
        return postgres.getDatabase("postgres", jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
    }

    /** Drops a database and every session on it, i.e. the database goes away under a running build. */
    public void drop(String jdbcUrl) throws SQLException {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        execute(postgres.getPostgresDatabase(), "DROP DATABASE " + name + " WITH (FORCE)");
    }

    public void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static final String DATASET = """
            INSERT INTO users (id, email, name, zip_code)
              SELECT n, 'user' || n || '@example.com', 'User ' || n,
                     CASE WHEN n = 1 THEN '%s' ELSE lpad((10000 + n)::text, 5, '0') END
              FROM generate_series(1, %d) n;
            INSERT INTO api_tokens (token, user_id) SELECT 'token-' || n, n FROM generate_series(1, %d) n;
            INSERT INTO households (id, name, owner_id) SELECT n, 'Household ' || n, n FROM generate_series(1, %d) n;
            INSERT INTO household_members (household_id, user_id, role)
              SELECT n, n, 'owner' FROM generate_series(1, %d) n
              UNION ALL SELECT 2, 1, 'member';
            INSERT INTO pets (id, household_id, name, type, breed, created_at, deleted_at)
              SELECT n, ((n - 1) %% %d) + 1, 'Pet ' || n, CASE WHEN n %% 2 = 0 THEN 'dog' ELSE 'cat' END, 'mixed',
                     timestamptz '2026-01-01' + n * interval '1 minute',
                     CASE WHEN n > %d THEN timestamptz '2026-06-01' END
              FROM generate_series(1, %d) n;
            INSERT INTO medical_records (pet_id, record_type, description, visit_date)
              SELECT p, CASE WHEN r = 1 THEN 'vaccination' ELSE 'checkup' END, 'visit ' || r, date '2026-02-01' + r
              FROM generate_series(1, %d) p, generate_series(1, 2) r;
            INSERT INTO medications (medical_record_id, name, dosage)
              SELECT id, 'med ' || id, '5 mg' FROM medical_records;
            INSERT INTO tasks (pet_id, assignee_id, title)
              SELECT p, ((p - 1) %% %d) + 1, 'task ' || t
              FROM generate_series(1, %d) p, generate_series(1, 2) t;
            SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
            SELECT setval(pg_get_serial_sequence('households', 'id'), (SELECT max(id) FROM households));
            SELECT setval(pg_get_serial_sequence('pets', 'id'), (SELECT max(id) FROM pets));
            """.formatted(USER_1_ZIP, USERS, USERS, USERS, USERS, USERS, LIVE_PETS, LIVE_PETS + DELETED_PETS,
            LIVE_PETS, USERS, LIVE_PETS);
}
