package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of {@code ./replay run}: the replay's result and report are still written,
 * as INCOMPLETE with what was observed, and no instance of the build outlives the harness. Nor does
 * any after a SIGKILL, when no code of the harness runs at all.
 */
class InterruptedReplayIT {

    @TempDir
    Path output;

    @Test
    void ctrlCDuringTheLoadLeavesAnIncompleteResultAndReportAndNoInstance() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process replay = startReading(lines);
        try {
            awaitTheLoad(lines);
            assertThat(lines).as("no log line on the console without --verbose (stdout and stderr)")
                    .noneMatch(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +(TRACE|DEBUG|INFO|WARN|ERROR) .*"))
                    .anyMatch(l -> l.startsWith("log: ") && l.endsWith("replay.log (--verbose shows it here too)"));
            List<ProcessHandle> instances = replay.toHandle().descendants().toList();

            new ProcessBuilder("kill", "-INT", Long.toString(replay.pid())).start().waitFor();

            assertThat(replay.waitFor(60, TimeUnit.SECONDS)).as("the harness exits after Ctrl-C").isTrue();
            Path result = output.resolve("weather-cascade/baseline/result.json");
            JsonNode json = new ObjectMapper().readTree(result.toFile());
            assertThat(json.get("verdict").asText()).isEqualTo("INCOMPLETE");
            assertThat(json.get("reasons").toString()).contains("interrupted");
            assertThat(json.get("traffic").size()).as("seconds of traffic observed before Ctrl-C").isPositive();
            assertThat(result.resolveSibling("report.html")).exists();
            assertThat(new ObjectMapper().readTree(output.resolve("summary.json").toFile()).get("replays").get(0).get("verdict")
                    .asText()).as("summary.json, written before the JVM went").isEqualTo("INCOMPLETE");
            assertThat(Files.readString(output.resolve("junit.xml"))).contains("<error type=\"INCOMPLETE\"");
            await("every instance is gone").atMost(Duration.ofSeconds(20))
                    .until(() -> instances.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            replay.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            replay.destroyForcibly();
        }
    }

    /**
     * What a CI runner does to a cancelled job after its grace period: SIGKILL, when no code of the
     * harness runs. Its watchdog kills the build instances and the embedded PostgreSQL (which pg_ctl
     * detached from the harness, so it is no descendant), then goes itself.
     */
    @Test
    void aSigkillDuringTheLoadLeavesNoProcessOfTheReplayWithinTenSeconds() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process replay = startReading(lines);
        List<ProcessHandle> left = new ArrayList<>();
        try {
            awaitTheLoad(lines);
            left.addAll(replay.toHandle().descendants().toList());
            Path pidFile;
            try (var files = Files.newDirectoryStream(output.resolve("environment"), "watchdog-*.pids")) {
                pidFile = files.iterator().next();
            }
            List<Long> watched = Files.readAllLines(pidFile).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
            watched.forEach(pid -> ProcessHandle.of(pid).ifPresent(left::add));
            assertThat(watched).as("the instances and PostgreSQL are watched").hasSizeGreaterThanOrEqualTo(5);
            assertThat(left).as("PostgreSQL is no descendant of the harness")
                    .anySatisfy(p -> assertThat(p.info().command().orElse("")).endsWith("postgres"));

            new ProcessBuilder("kill", "-KILL", Long.toString(replay.pid())).start().waitFor();

            assertThat(replay.waitFor(10, TimeUnit.SECONDS)).isTrue();
            await("no process of the replay is left").atMost(Duration.ofSeconds(10))
                    .until(() -> left.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            left.forEach(ProcessHandle::destroyForcibly);
            replay.destroyForcibly();
        }
    }

    /** {@code ./replay run weather-cascade --build baseline} into this test's output, its output lines into {@code lines}. */
    private Process startReading(List<String> lines) throws IOException {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Path replayJar = Path.of("target", "replay.jar").toAbsolutePath();
        assumeTrue(Files.isRegularFile(replayJar) && Files.isRegularFile(home.resolve("target-app/before/target/petforce-before.jar")),
                "replay.jar or the before build is not packaged; run the whole reactor (mvn verify)");
        Process replay = new ProcessBuilder(withSigintDeliverable(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dreplay.home=" + home, "-jar", replayJar.toString(), "run", "weather-cascade", "--build", "baseline",
                "--output", output.toString()))).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> readLines(replay, lines));
        reader.setDaemon(true);
        reader.start();
        return replay;
    }

    private static void awaitTheLoad(List<String> lines) {
        await("the load has started").atMost(Duration.ofMinutes(3))
                .until(() -> lines.stream().anyMatch(l -> l.contains("] steady ")));
    }

    private static void readLines(Process process, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * A background job of a shell without job control starts with SIGINT ignored, its children
     * inherit that, and a JVM never un-ignores it: the signal would then test nothing. GNU env resets
     * it for the child.
     */
    static List<String> withSigintDeliverable(List<String> command) throws IOException {
        Path status = Path.of("/proc/self/status");
        boolean ignored = Files.isReadable(status) && Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseLong(l.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0);
        if (!ignored) {
            return command;
        }
        List<String> reset = new ArrayList<>(List.of("env", "--default-signal=INT"));
        reset.addAll(command);
        return reset;
    }
}
