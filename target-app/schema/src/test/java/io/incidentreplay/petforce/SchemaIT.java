package io.incidentreplay.petforce;

import static org.assertj.core.api.Assertions.assertThat;

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
