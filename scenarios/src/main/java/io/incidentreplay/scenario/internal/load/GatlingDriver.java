package io.incidentreplay.scenario.internal.load;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drives the load with Gatling in this JVM and returns where Gatling wrote its HTML report.
 *
 * <p>The JVM needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (Gatling's own launcher passes
 * it; {@code ./replay} and the test plugins do too). Gatling's usage analytics and HTTP warm-up are
 * turned off ({@code gatling.conf}, {@link ReplaySimulation}): replay traffic goes to loopback only.
 */
public final class GatlingDriver {

    private GatlingDriver() {}

    /** Runs the plan to completion; blocks for its whole duration. */
    public static synchronized Path run(LoadPlan plan, Path resultsDirectory, String description) {
        try {
            Files.createDirectories(resultsDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Gatling results directory " + resultsDirectory, e);
        }
        // The rest of Gatling's configuration is in gatling.conf; this one value differs per replay.
        System.setProperty("gatling.http.requestTimeout", Long.toString(plan.requestTimeout().toMillis()));
        ReplaySimulation.PLAN.set(plan);
        try {
            int status = Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", ReplaySimulation.class.getName(),
                "--results-folder", resultsDirectory.toString(),
                "--run-description", description,
            });
            if (status != 0) {
                throw new IllegalStateException("Gatling ended with status " + status + "; see the log above");
            }
        } finally {
            ReplaySimulation.PLAN.set(null);
        }
        return newestReport(resultsDirectory)
                .orElseThrow(() -> new IllegalStateException("Gatling wrote no report into " + resultsDirectory));
    }

    private static Optional<Path> newestReport(Path resultsDirectory) {
        try (Stream<Path> runs = Files.list(resultsDirectory)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve("index.html")))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
