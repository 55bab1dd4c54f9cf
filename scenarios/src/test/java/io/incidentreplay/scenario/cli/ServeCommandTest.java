package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ReplayCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void unknownBuildIsAUsageErrorThatNamesTheBuilds() {
        int exit = run("serve", "middle", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/petforce");

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown build 'middle'").contains("'before' and 'after'");
    }

    @Test
    void missingJdbcUrlIsAUsageError() {
        int exit = run("serve", "after");

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--jdbc-url");
    }

    @Test
    void missingJarSaysWhereItLookedAndHowToBuildIt() {
        System.setProperty("replay.home", "/nonexistent-replay-home");
        try {
            int exit = run("serve", "after", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/petforce");

            assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
            assertThat(err.toString())
                    .contains("/nonexistent-replay-home/target-app/after/target/petforce-after.jar")
                    .contains("mvn -DskipTests package");
        } finally {
            System.clearProperty("replay.home");
        }
    }
}
