package io.incidentreplay.seed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.seed.testsupport.TunedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code seed} as a user runs it: progress and summary on stderr, each bad input one clear sentence. */
class SeedCommandIT {

    private static TunedPostgres postgres;
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        postgres = TunedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SeedCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void seeds_with_progress_per_table_and_a_summary() throws Exception {
        postgres.freshDatabase("cli_seed");

        int exit = run("--preset", "mvp", "--seed", "42", "--jdbc-url", postgres.jdbcUrl("cli_seed"));

        assertThat(exit).as("exit code; stderr:%n%s", err).isZero();
        assertThat(err.toString())
                .contains("seed: mvp (pets=20, seed=42) into database 'cli_seed'")
                .containsPattern("pets\\s+20 rows\\s+\\d+ ms\\s+[\\d,]+ rows/s")
                .contains("keys and indexes")
                .contains("seed: loaded 171 rows")
                .containsPattern("medications\\s+47\\n");
    }

    @Test
    void unknown_preset_lists_the_presets() {
        int exit = run("--preset", "huge", "--jdbc-url", postgres.jdbcUrl("postgres"));

        assertThat(exit).isEqualTo(SeedCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown preset 'huge'; choose one of: mvp (20 pets), ci (25000 pets), "
                + "production (250000 pets)");
    }

    @Test
    void unreachable_database_names_host_port_and_database_but_not_the_password() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = run("--preset", "mvp", "--jdbc-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/petforce",
                "--db-password", "s3cret-pw");

        assertThat(exit).isEqualTo(SeedCommand.USAGE_ERROR);
        assertThat(err.toString())
                .contains("cannot connect to database 'petforce' on host 127.0.0.1, port " + closedPort)
                .doesNotContain("s3cret-pw");
    }

    @Test
    void refuses_existing_petforce_data_unless_replace() throws Exception {
        postgres.freshDatabase("cli_existing");
        String url = postgres.jdbcUrl("cli_existing");
        assertThat(run("--preset", "mvp", "--jdbc-url", url)).isZero();

        int refused = run("--preset", "mvp", "--seed", "7", "--jdbc-url", url);
        int replaced = run("--preset", "mvp", "--seed", "7", "--pets", "25", "--jdbc-url", url, "--replace");

        assertThat(refused).as("without --replace").isEqualTo(SeedCommand.USAGE_ERROR);
        assertThat(err.toString()).contains("already holds PetForce tables").contains("--replace");
        assertThat(replaced).as("with --replace; stderr:%n%s", err).isZero();
        assertThat(TunedPostgres.count(postgres.database("cli_existing"), "SELECT count(*) FROM pets")).isEqualTo(25);
    }
}
