package io.incidentreplay.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.seed.testsupport.TunedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own dataset: a SQL script or a plain-format pg_dump, loaded once into a template and cloned. */
class ScriptDatasetIT {

    /** What {@code pg_dump --format=plain} writes, in small: settings, DDL, a COPY block, a psql \restrict line. */
    private static final String DUMP = """
            \\restrict abc123
            SET statement_timeout = 0;
            SET client_encoding = 'UTF8';
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10,2));
            COPY public.orders (id, customer, total) FROM stdin;
            1	ada	12.50
            2	grace	\\N
            3	linus; not a statement	7.00
            \\.
            CREATE INDEX orders_customer ON public.orders (customer);
            INSERT INTO public.orders VALUES (4, 'ken', 1.00);
            \\unrestrict abc123
            """;

    private static TunedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = TunedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private TemplateCache cache() {
        return new TemplateCache(postgres.jdbcUrl("postgres"), "postgres", null);
    }

    @Test
    void aPlainDumpLoadsWithItsCopyBlocksAndIsClonedFromATemplateKeyedByItsContent() throws IOException, SQLException {
        Path dump = Files.writeString(dir.resolve("orders.sql"), DUMP);
        TemplateCache cache = cache();

        cache.cloneFor(new DatasetSource.Script(dump), "orders_one");
        String template = cache.templateFor(new DatasetSource.Script(dump));

        assertThat(template).matches("replay_tpl_[0-9a-f]{16}");
        assertThat(TunedPostgres.query(postgres.database("orders_one"), "SELECT count(*) FROM public.orders")).isEqualTo("4");
        assertThat(TunedPostgres.query(postgres.database("orders_one"), "SELECT customer FROM public.orders WHERE id = 3"))
                .isEqualTo("linus; not a statement");
        assertThat(TunedPostgres.query(postgres.database("orders_one"), "SELECT count(*) FROM public.orders WHERE total IS NULL"))
                .isEqualTo("1");
        Path changed = Files.writeString(dir.resolve("orders-2.sql"), DUMP.replace("'ken'", "'dennis'"));
        assertThat(cache.templateFor(new DatasetSource.Script(changed))).as("another content, another template").isNotEqualTo(template);
        cache.drop("orders_one");
    }

    @Test
    void aPsqlCommandThatIsNotSqlIsRefusedWithItsLine() throws IOException {
        Path script = Files.writeString(dir.resolve("with-connect.sql"), "CREATE TABLE t (id int);\n\\connect other\n");

        assertThatThrownBy(() -> cache().cloneFor(new DatasetSource.Script(script), "never_made"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 2: '\\connect' is a psql command, not SQL");
    }

    @Test
    void aFailingStatementNamesTheScript() throws IOException {
        Path script = Files.writeString(dir.resolve("broken.sql"), "CREATE TABLE t (id int);\nINSERT INTO missing VALUES (1);\n");

        assertThatThrownBy(() -> cache().cloneFor(new DatasetSource.Script(script), "never_made_either"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("broken.sql").hasMessageContaining("missing");
    }
}
