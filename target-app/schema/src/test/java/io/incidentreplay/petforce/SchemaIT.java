package io.incidentreplay.petforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void tablesOnlyStopsBeforeKeysAndIndexesAndLatestAddsThem() throws SQLException {
        DataSource db = freshDatabase("schema_stages");

        assertThat(Schema.hasEveryVersionApplied(db)).as("a new database has no history").isFalse();
        Schema.migrateTablesOnly(db);
        assertThat(indexesOn(db, "pets")).as("indexes on pets after V1").isEmpty();
        assertThat(Schema.isUpToDate(db)).isFalse();
        assertThat(Schema.hasEveryVersionApplied(db)).as("V2 is pending, so migrate must not skip Flyway").isFalse();

        Schema.migrate(db);
        assertThat(Schema.hasEveryVersionApplied(db)).isTrue();
        assertThat(indexesOn(db, "pets"))
                .as("indexes on pets after all migrations")
                .contains("pets_pkey", "pets_household_id_idx", "pets_live_created_at_idx");
        assertThat(Schema.isUpToDate(db)).isTrue();
    }

    @Test
    void identityIdsLetTheBuildsInsertWithoutGivingIds() throws SQLException {
        DataSource db = freshDatabase("schema_identity");
        Schema.migrate(db);

        try (Connection c = db.getConnection()) {
            c.createStatement().execute("INSERT INTO users (email, name, zip_code) VALUES ('a@example.com', 'A', '12345')");
            ResultSet rs = c.createStatement().executeQuery("SELECT id, active FROM users");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("id")).isEqualTo(1L);
            assertThat(rs.getBoolean("active")).isFalse();
        }
    }

    @Test
    void aSchemaWithOtherTablesButNoHistoryGetsThePetForceTablesOnTop() throws SQLException {
        DataSource db = freshDatabase("schema_shared");
        execute(db, "CREATE TABLE pgbench_branches (bid int)");

        Schema.migrate(db);

        assertThat(Schema.isUpToDate(db)).isTrue();
        assertThat(indexesOn(db, "pets")).contains("pets_pkey");
        assertThat(indexesOn(db, "pgbench_branches")).as("the other table is left as it was").isEmpty();
    }

    /**
     * The first statement (a check on table a) waits, up to 10 s, until the second (an index on table
     * b) has committed: in file order it would wait in vain and fail the check.
     */
    @Test
    void statementsOnDifferentTablesRunAtTheSameTime() throws SQLException {
        DataSource db = freshDatabase("ddl_overlap");
        execute(db, "CREATE TABLE a (x int); INSERT INTO a VALUES (1); CREATE TABLE b (x int); "
                + "CREATE FUNCTION b_has_index() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN "
                + "FOR i IN 1..200 LOOP "
                + "  IF EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'b_x_idx') THEN RETURN true; END IF; "
                + "  PERFORM pg_sleep(0.05); "
                + "END LOOP; RETURN false; END $$");

        ParallelDdl.run(db, ParallelDdl.parse("""
                ALTER TABLE a ADD CONSTRAINT a_waits_for_b CHECK (b_has_index());
                CREATE INDEX b_x_idx ON b (x);
                """), 2);

        assertThat(indexesOn(db, "b")).containsExactly("b_x_idx");
    }

    @Test
    void theFirstFailureNamesItsStatementAndLaterStatementsOnItsTableDoNotRun() throws SQLException {
        DataSource db = freshDatabase("ddl_failure");
        execute(db, "CREATE TABLE a (x int); INSERT INTO a VALUES (1), (1)");

        assertThatThrownBy(() -> ParallelDdl.run(db, ParallelDdl.parse("""
                ALTER TABLE a ADD PRIMARY KEY (x);
                CREATE INDEX a_x_idx ON a (x);
                """), 2))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("ALTER TABLE a ADD PRIMARY KEY (x);: ")
                .hasMessageContaining("could not create unique index");
        assertThat(indexesOn(db, "a")).as("the index after the failed key").isEmpty();
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    private static DataSource freshDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    private static List<String> indexesOn(DataSource db, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = '" + table + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
