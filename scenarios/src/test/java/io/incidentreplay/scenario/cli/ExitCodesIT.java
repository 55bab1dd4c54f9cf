package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;
import picocli.CommandLine;

/**
 * {@code ./replay run} exits with the code a CI reads: 0 as expected, 1 a candidate failed a
 * budget, 2 a replay that could not judge, 3 bad input with nothing started (4, the harness
 * breaking, is {@link HarnessFailureTest}'s). Each run also writes JUnit XML that Jenkins' schema
 * accepts and a summary.json with the same code, and its console has the fault's lines and none of
 * Gatling's. The example service's shortened replays take some 35 s each.
 */
class ExitCodesIT {

    private static final Path ORDERS = Path.of("..", "examples", "orders").toAbsolutePath().normalize();
    private static final Path INCIDENT = ORDERS.resolve("incident/incident.yaml");

    /**
     * The example's incident with every phase half as long (17 s of load instead of 34): exit codes
     * need a verdict, not the full length; the stall still outlasts the breaker's 5 calls.
     */
    private Path shortIncident() throws IOException {
        return Files.writeString(output.resolve("short-incident.yaml"), "format: incident-replay/incident@1\n"
                + "extends: " + INCIDENT + "\n"
                + "load:\n  phases:\n"
                + "    - {name: warm-up, duration: 30s, rate: 40}\n"
                + "    - {name: steady, duration: 30s, rate: 40}\n"
                + "    - {name: fault, duration: 60s, rate: 40}\n"
                + "    - {name: recovery, duration: 30s, rate: 40}\n"
                + "    - {name: after, duration: 20s, rate: 40}\n");
    }

    @TempDir
    Path output;

    private final StringWriter err = new StringWriter();

    /** What the run printed on standard output and standard error, as a terminal would show it. */
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private int replay(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--output";
        all[args.length + 1] = output.toString();
        PrintStream out = System.out;
        PrintStream error = System.err;
        PrintStream captured = new PrintStream(new OutputStream() { // kept, and still shown in the test's output
            @Override
            public synchronized void write(int b) {
                console.write(b);
                out.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        try {
            CommandLine cli = ReplayCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(all);
        } finally {
            System.setOut(out);
            System.setErr(error);
        }
    }

    private JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(output.resolve("summary.json").toFile());
    }

    private void validJUnitXml() throws IOException, SAXException {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/junit-xml/jenkins-junit.xsd")))
                .newValidator().validate(new StreamSource(output.resolve("junit.xml").toFile()));
    }

    @Test
    void zeroWhenTheCandidatePasses() throws Exception {
        assertThat(replay("run", shortIncident().toString(), "--build", "candidate")).as(err.toString()).isZero();

        assertThat(summary().get("exitCode").asInt()).isZero();
        assertThat(summary().get("replays").get(0).get("verdict").asText()).isEqualTo("PASS");
        validJUnitXml();
        assertThat(Files.readString(output.resolve("junit.xml"))).contains("failures=\"0\"").doesNotContain("<failure");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("] fault applied: latency").contains("] fault removed: latency")
                .doesNotContain("Global Information").doesNotContain("Generating reports");
        assertThat(Files.readString(output.resolve("replay.log"))).contains("Launcher").contains("io.incidentreplay.gatling");
    }

    @Test
    void oneWhenTheCandidateFailsABudget() throws Exception {
        Path stillBroken = ORDERS.resolve("orders-baseline/target/orders-baseline.jar");

        assertThat(replay("run", shortIncident().toString(), "--build", "candidate", "--candidate", stillBroken.toString()))
                .as(err.toString()).isEqualTo(1);

        assertThat(summary().get("exitCode").asInt()).isEqualTo(1);
        assertThat(summary().get("replays").get(0).get("verdict").asText()).isEqualTo("FAIL");
        validJUnitXml();
        assertThat(Files.readString(output.resolve("junit.xml"))).contains("<failure type=\"FAIL\" message=\"FAIL: fault p99 of products");
    }

    /** pool-exhaustion's fault is its data volume: on the 20 MVP pets nothing is launched and nothing judged. */
    @Test
    void twoWhenAReplayCouldNotJudge() throws Exception {
        assertThat(replay("run", "pool-exhaustion", "--build", "baseline", "--dataset", "mvp")).as(err.toString()).isEqualTo(2);

        assertThat(summary().get("replays").get(0).get("verdict").asText()).isEqualTo("INVALID");
        validJUnitXml();
        assertThat(Files.readString(output.resolve("junit.xml"))).contains("<error type=\"INVALID\"");
    }

    @Test
    void threeForASimulationThatIsNotOnTheClassPathAndNothingStarts() throws Exception {
        Path incident = Files.writeString(output.resolve("own-load.yaml"), "format: incident-replay/incident@1\n"
                + "extends: " + INCIDENT + "\nload: {simulation: com.example.NotHere}\n");

        assertThat(replay("run", incident.toString(), "--build", "candidate")).isEqualTo(ReplayCli.USAGE_ERROR);

        assertThat(err.toString()).contains("com.example.NotHere is not on the harness's class path");
        assertThat(output.resolve("summary.json")).doesNotExist();
    }
}
