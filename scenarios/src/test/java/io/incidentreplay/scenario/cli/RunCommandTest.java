package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad input to run and gate is refused with a sentence that says what is allowed, before anything starts. */
class RunCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ReplayCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void unknownIncidentListsTheKnownOnes() {
        assertThat(run("run", "weather-outage")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown incident 'weather-outage'").contains("weather-cascade");
    }

    @Test
    void missingJarNamesThePath() {
        assertThat(run("run", "weather-cascade", "--build", "candidate", "--candidate-jar", "/nonexistent/app.jar"))
                .isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--candidate: no build jar at /nonexistent/app.jar");
    }

    @Test
    void invalidTimeScaleSaysWhatIsAllowed() {
        assertThat(run("run", "weather-cascade", "--baseline-jar", "pom.xml", "--candidate-jar", "pom.xml",
                "--time-scale", "fast")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--time-scale: time scale must be a number such as 1 or 0.1, but was 'fast'");
    }

    @Test
    void unknownDatasetListsThePresets() {
        assertThat(run("run", "weather-cascade", "--baseline-jar", "pom.xml", "--candidate-jar", "pom.xml",
                "--dataset", "huge")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--dataset").contains("mvp").contains("production");
    }

    @Test
    void aRepeatCountOutOfRangeSaysWhatIsAllowed() {
        assertThat(run("gate", "--repeat", "0")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--repeat must be between 1 and 100, but was 0");
    }

    @Test
    void unknownBuildRoleSaysWhatIsAllowed() {
        assertThat(run("run", "weather-cascade", "--build", "canary")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--build must be baseline, candidate or both, but was 'canary'");
    }

    @Test
    void externalEnvironmentNeedsItsUrls() {
        assertThat(run("run", "weather-cascade", "--baseline-jar", "pom.xml", "--candidate-jar", "pom.xml",
                "--env", "external")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--env external needs --jdbc-url");
    }

    @Test
    void theGateChecksItsJarsAndTimeScaleBeforeStartingAnything() {
        assertThat(run("gate", "--candidate-jar", "/nonexistent/app.jar")).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--candidate: no build jar at /nonexistent/app.jar");

        assertThat(run("gate", "--baseline-jar", "pom.xml", "--candidate-jar", "pom.xml", "--time-scale", "0"))
                .isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--time-scale: time scale must be between 0.01 and 10.0");
    }
}
