package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A harness that breaks exits 4 — never a verdict's code — with one sentence and its stack trace in a log. */
class HarnessFailureTest {

    @TempDir
    Path output;

    private final StringWriter err = new StringWriter();

    @Test
    void anEnvironmentThatDoesNotStartIsTheHarnessBreakingNotBadInput() throws IOException {
        CommandLine cli = ReplayCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("run", "weather-cascade", "--baseline-jar", "pom.xml", "--candidate-jar", "pom.xml",
                "--env", "external", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/postgres", "--toxiproxy-url", "http://127.0.0.1:1",
                "--output", output.toString());

        assertThat(exit).isEqualTo(ReplayCli.HARNESS_ERROR);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("replay: the external environment did not start: ")
                .contains("(this says nothing about the build); the stack trace is in " + output.toAbsolutePath());
        try (Stream<Path> files = Files.list(output)) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("harness-error-")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).contains("HarnessFailure").contains("\tat ");
        }
        JsonNode summary = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
        assertThat(summary.get("exitCode").asInt()).isEqualTo(ReplayCli.HARNESS_ERROR);
        assertThat(summary.get("harnessError").asText()).startsWith("the external environment did not start: ");
        assertThat(summary.get("replays")).isEmpty();
    }
}
