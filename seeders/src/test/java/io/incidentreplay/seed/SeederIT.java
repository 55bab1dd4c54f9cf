package io.incidentreplay.seed;

import static io.incidentreplay.seed.testsupport.TunedPostgres.checksum;
import static io.incidentreplay.seed.testsupport.TunedPostgres.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.seed.testsupport.TunedPostgres;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeder on real PostgreSQL: exact counts, shape rules, determinism, refusal and replace. */
class SeederIT {

    private static TunedPostgres postgres;
    private static DataSource ci;
    private static SeedSummary ciSummary;

    @BeforeAll
    static void seedCi() throws Exception {
        postgres = TunedPostgres.start();
        ci = postgres.freshDatabase("seeder_ci");
        ciSummary = Seeder.seed(ci, DatasetSpec.preset("ci"), ProgressListener.silent());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void mvp_loads_exactly_its_twenty_pets_and_the_derived_counts() throws SQLException {
        DataSource db = postgres.freshDatabase("seeder_mvp");
        SeedSummary summary = Seeder.seed(db, DatasetSpec.preset("mvp"), ProgressListener.silent());

        Map<String, Long> expected = counts(8, 8, 8, 8, 20, 41, 47, 31);
        assertThat(summary.rowsPerTable()).as("summary of mvp, seed 42").isEqualTo(expected);
        assertThat(tableCounts(db)).as("rows in the database after mvp").isEqualTo(expected);
        assertThat(count(db, "SELECT count(*) FROM pets WHERE deleted_at IS NOT NULL")).as("mvp deletes nothing").isZero();
        assertThat(count(db, "SELECT count(*) FROM users WHERE active")).as("all 8 users active").isEqualTo(8);
    }

    @Test
    void ci_loads_exact_counts_per_table() throws SQLException {
        Map<String, Long> expected = counts(12_073, 12_073, 10_001, 12_073, 25_000, 50_115, 50_177, 50_041);
        assertThat(ciSummary.rowsPerTable()).as("summary of ci, seed 42").isEqualTo(expected);
        assertThat(tableCounts(ci)).as("rows in the database after ci").isEqualTo(expected);
    }

    @Test
    void ci_follows_the_fanout_rules() throws SQLException {
        assertThat(count(ci, "SELECT count(*) FROM users WHERE active")).as("active users").isEqualTo(Fanout.ACTIVE_USERS);
        assertThat(count(ci, "SELECT count(*) FROM pets WHERE deleted_at IS NOT NULL")).as("5% of 25,000 deleted").isEqualTo(1_250);
        assertThat(count(ci, "SELECT count(*) FROM (SELECT household_id FROM pets GROUP BY household_id "
                + "HAVING count(*) NOT BETWEEN 1 AND 4) x")).as("households outside 1..4 pets").isZero();
        assertThat(count(ci, "SELECT count(*) FROM households h JOIN household_members m "
                + "ON m.household_id = h.id AND m.user_id = h.owner_id AND m.role = 'owner'"))
                .as("households whose owner is an 'owner' member").isEqualTo(10_001);
        assertThat(count(ci, "SELECT count(*) FROM tasks t JOIN pets p ON p.id = t.pet_id "
                + "LEFT JOIN household_members m ON m.household_id = p.household_id AND m.user_id = t.assignee_id "
                + "WHERE m.user_id IS NULL")).as("tasks assigned outside the pet's household").isZero();
        assertThat(count(ci, "SELECT count(*) FROM users WHERE zip_code !~ '^[0-9]{5}$'")).as("non 5-digit zips").isZero();
        assertThat(count(ci, "SELECT count(*) FROM api_tokens WHERE token !~ '^pft_[0-9a-f]{32}$'")).as("malformed tokens").isZero();
        assertThat(count(ci, "SELECT count(*) FROM pets WHERE created_at >= '2025-08-01' OR updated_at < created_at"))
                .as("pets outside the fixed timeline").isZero();
    }

    @Test
    void ci_builds_keys_and_indexes_and_moves_sequences_past_the_seeded_ids() throws SQLException {
        assertThat(count(ci, "SELECT count(*) FROM pg_indexes WHERE tablename = 'pets'"))
                .as("pkey, household and live-created indexes on pets").isEqualTo(3);
        long newId;
        try (var c = ci.getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false); // rolled back: the other tests count users
            var rs = s.executeQuery("INSERT INTO users (email, name, zip_code) "
                    + "VALUES ('new@example.com', 'New', '12345') RETURNING id");
            rs.next();
            newId = rs.getLong(1);
            c.rollback();
        }
        assertThat(newId).as("identity id after the seeded users").isEqualTo(12_074);
        assertThat(TunedPostgres.query(ci, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'pets'"))
                .as("pets analysed").isEqualTo("25000");
    }

    @Test
    void same_seed_gives_byte_identical_tables_and_another_seed_different_ones() throws SQLException {
        DataSource again = postgres.freshDatabase("seeder_ci_again");
        Seeder.seed(again, DatasetSpec.preset("ci"), ProgressListener.silent());
        DataSource other = postgres.freshDatabase("seeder_seed_7");
        Seeder.seed(other, DatasetSpec.preset("ci").withSeed(7), ProgressListener.silent());

        for (String table : Seeder.TABLES) {
            assertThat(checksum(again, table)).as("checksum of %s, seed 42 twice", table).isEqualTo(checksum(ci, table));
            assertThat(checksum(other, table)).as("checksum of %s, seed 42 vs 7", table).isNotEqualTo(checksum(ci, table));
        }
    }

    @Test
    void refuses_a_database_with_petforce_tables_and_replace_reseeds_it() throws SQLException {
        DataSource db = postgres.freshDatabase("seeder_existing");
        Seeder.seed(db, DatasetSpec.preset("mvp"), ProgressListener.silent());

        assertThatThrownBy(() -> Seeder.seed(db, DatasetSpec.preset("mvp").withSeed(1), ProgressListener.silent()))
                .isInstanceOf(ExistingDataException.class)
                .hasMessageContaining("database 'seeder_existing'")
                .hasMessageContaining("already holds PetForce tables")
                .hasMessageContaining("--replace");

        Seeder.replace(db, DatasetSpec.preset("mvp").withPets(30), ProgressListener.silent());
        assertThat(count(db, "SELECT count(*) FROM pets")).as("pets after replace with 30").isEqualTo(30);
    }

    @Test
    void unreachable_database_names_host_port_and_database() {
        var dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/no_such_db");
        dataSource.setUser("postgres");

        assertThatThrownBy(() -> Seeder.seed(dataSource, DatasetSpec.preset("mvp"), ProgressListener.silent()))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining("database 'no_such_db' on host 127.0.0.1, port " + postgres.port())
                .hasMessageContaining("does not exist");
    }

    private static Map<String, Long> counts(long... rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            counts.put(Seeder.TABLES.get(i), rows[i]);
        }
        return counts;
    }

    private static Map<String, Long> tableCounts(DataSource db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : Seeder.TABLES) {
            counts.put(table, count(db, "SELECT count(*) FROM " + table));
        }
        return counts;
    }
}
