package io.incidentreplay.seed;

import static io.incidentreplay.seed.testsupport.TunedPostgres.checksum;
import static io.incidentreplay.seed.testsupport.TunedPostgres.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.seed.testsupport.TunedPostgres;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Template reuse, clones, stale templates and drops on real PostgreSQL. */
class TemplateCacheIT {

    private static final DatasetSpec SMALL_CI = DatasetSpec.preset("ci").withPets(5_000);

    private static TunedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TunedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void second_clone_reuses_the_template_without_reseeding() throws SQLException {
        TemplateCache cache = cache("schema-reuse");

        long firstStart = System.nanoTime();
        String firstUrl = cache.cloneFor(SMALL_CI, "clone_one");
        long firstNanos = System.nanoTime() - firstStart;
        String templateOid = oidOf(cache.templateName(SMALL_CI));

        long secondStart = System.nanoTime();
        String secondUrl = cache.cloneFor(SMALL_CI, "clone_two");
        long secondNanos = System.nanoTime() - secondStart;

        assertThat(oidOf(cache.templateName(SMALL_CI))).as("template oid after the second clone (same = not rebuilt)")
                .isEqualTo(templateOid);
        assertThat(secondNanos).as("second clone (%d ms) faster than build + first clone (%d ms)",
                secondNanos / 1_000_000, firstNanos / 1_000_000).isLessThan(firstNanos);
        assertThat(firstUrl).isEqualTo(postgres.jdbcUrl("clone_one"));
        for (String table : Seeder.TABLES) {
            assertThat(checksum(connect(secondUrl), table)).as("clone_two %s equals clone_one", table)
                    .isEqualTo(checksum(connect(firstUrl), table));
        }
        assertThat(count(connect(secondUrl), "SELECT count(*) FROM pets")).isEqualTo(5_000);
    }

    @Test
    void a_template_of_another_schema_is_stale_and_replaced() throws SQLException {
        DatasetSpec spec = DatasetSpec.preset("mvp").withSeed(3);
        TemplateCache before = cache("schema-before");
        TemplateCache after = cache("schema-after");
        before.cloneFor(spec, "stale_clone");
        String oldTemplate = before.templateName(spec);

        after.cloneFor(spec, "fresh_clone");

        assertThat(after.templateName(spec)).as("template name under the new schema").isNotEqualTo(oldTemplate);
        assertThat(exists(oldTemplate)).as("stale template %s still exists", oldTemplate).isFalse();
        assertThat(exists(after.templateName(spec))).as("new template exists").isTrue();
        assertThat(count(connect(postgres.jdbcUrl("fresh_clone")), "SELECT count(*) FROM pets")).isEqualTo(20);
    }

    /** What a harness killed before its teardown leaves on a server it does not own, the next one drops. */
    @Test
    void clones_of_a_killed_harness_on_this_machine_are_dropped_and_no_other() throws Exception {
        TemplateCache cache = cache("schema-reap");
        DatasetSpec spec = DatasetSpec.preset("mvp");
        cache.cloneFor(spec, "mine_alive");
        cache.cloneFor(spec, "killed_here");
        cache.cloneFor(spec, "other_machine");
        cache.cloneFor(spec, "not_a_clone");
        String host = InetAddress.getLocalHost().getHostName();
        long deadPid = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
        try (Connection admin = connect(postgres.jdbcUrl("postgres")).getConnection()) {
            admin.createStatement().execute("COMMENT ON DATABASE killed_here IS 'incident-replay clone of " + deadPid + "@" + host + "'");
            admin.createStatement().execute("COMMENT ON DATABASE other_machine IS 'incident-replay clone of " + deadPid + "@elsewhere'");
            admin.createStatement().execute("COMMENT ON DATABASE not_a_clone IS 'the team''s own database'");
        }

        assertThat(cache.dropClonesOfDeadHarnesses()).containsExactly("killed_here");

        assertThat(exists("killed_here")).isFalse();
        assertThat(exists("mine_alive")).as("a clone of this live JVM").isTrue();
        assertThat(exists("other_machine")).isTrue();
        assertThat(exists("not_a_clone")).isTrue();
    }

    @Test
    void drop_removes_a_clone_and_clone_names_are_checked() throws SQLException {
        TemplateCache cache = cache("schema-drop");
        DatasetSpec spec = DatasetSpec.preset("mvp");
        cache.cloneFor(spec, "to_drop");

        assertThatThrownBy(() -> cache.cloneFor(spec, "to_drop"))
                .isInstanceOf(SeedException.class).hasMessageContaining("'to_drop' already exists");
        cache.drop("to_drop");
        assertThat(exists("to_drop")).as("clone after drop").isFalse();
        assertThatThrownBy(() -> cache.cloneFor(spec, "Robert'); DROP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case letters, digits");
    }

    @Test
    void public_constructor_fingerprints_the_real_migrations() {
        TemplateCache cache = new TemplateCache(postgres.jdbcUrl("postgres"), "postgres", null);

        assertThat(cache.templateName(SMALL_CI)).matches("petforce_tpl_[0-9a-f]{16}")
                .isNotEqualTo(cache.templateName(SMALL_CI.withSeed(43)));
    }

    private static TemplateCache cache(String schemaFingerprint) {
        return new TemplateCache(postgres.jdbcUrl("postgres"), "postgres", null, schemaFingerprint);
    }

    private static String oidOf(String database) throws SQLException {
        return postgres.queryAdmin("SELECT oid FROM pg_database WHERE datname = '" + database + "'");
    }

    private static boolean exists(String database) throws SQLException {
        return oidOf(database) != null;
    }

    private static DataSource connect(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser("postgres");
        return dataSource;
    }
}
