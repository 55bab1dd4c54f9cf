package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    private static final String EXAMPLE = Path.of("..", "examples", "orders", "incident", "incident.yaml").toString();
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/orders";

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ReplayCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void anUnknownIncidentIsAUsageErrorThatSaysWhatIsKnown() {
        int exit = run("serve", "middle", "--jdbc-url", JDBC);

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("middle");
    }

    @Test
    void missingJdbcUrlIsAUsageError() {
        int exit = run("serve", EXAMPLE);

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--jdbc-url");
    }

    @Test
    void aMissingJarSaysWhereItLookedAndHowToBuildIt() {
        int exit = run("serve", EXAMPLE, "--jdbc-url", JDBC, "--build", "/nonexistent/orders.jar");

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("no build jar at /nonexistent/orders.jar").contains("mvn -DskipTests package");
    }

    @Test
    void aDependencyTheIncidentDoesNotHaveIsNamedWithTheOnesItHas() {
        int exit = run("serve", EXAMPLE, "--jdbc-url", JDBC, "--build", "sleep 1", "--dependency", "weather=http://127.0.0.1:9");

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--dependency weather: the incident has no HTTP, S3 or CloudWatch Logs dependency of that name; it has [payments]");
    }

    @Test
    void aBadRoleNamesTheRoles() {
        int exit = run("serve", EXAMPLE, "--jdbc-url", JDBC, "--role", "release");

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--role must be baseline or candidate, but was 'release'");
    }

}
