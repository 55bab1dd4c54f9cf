package io.incidentreplay.scenario.internal.load;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the load with Gatling in this JVM and returns where Gatling wrote its HTML report.
 *
 * <p>The JVM needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (Gatling's own launcher passes
 * it; {@code ./replay} and the test plugins do too). Gatling's usage analytics and HTTP warm-up are
 * turned off ({@code gatling.conf}, {@link ReplaySimulation}): replay traffic goes to loopback only.
 */
public final class GatlingDriver {

    /** The system property a simulation of the user's own reads the load balancer's URL from, as Gatling users write it. */
    public static final String BASE_URL_PROPERTY = "baseUrl";

    private static final Logger LOG = LoggerFactory.getLogger("io.incidentreplay.gatling");
    /** Gatling's exit status when the run completed but a simulation's assertions did not hold. */
    private static final int ASSERTIONS_FAILED = 2;

    private GatlingDriver() {}

    /** Runs the plan to completion; blocks for its whole duration. */
    public static synchronized Path run(LoadPlan plan, Path resultsDirectory, String description) {
        ReplaySimulation.PLAN.set(plan);
        try {
            return launch(ReplaySimulation.class.getName(), plan.requestTimeout(), resultsDirectory, description);
        } finally {
            ReplaySimulation.PLAN.set(null);
        }
    }

    /**
     * Runs a simulation of the user's own to completion, with {@value #BASE_URL_PROPERTY} set to
     * {@code baseUrl} for its length; blocks for its whole duration.
     */
    public static synchronized Path run(String simulation, String baseUrl, Duration requestTimeout, Path resultsDirectory,
            String description) {
        simulationClass(simulation);
        String before = System.getProperty(BASE_URL_PROPERTY);
        System.setProperty(BASE_URL_PROPERTY, baseUrl);
        try {
            return launch(simulation, requestTimeout, resultsDirectory, description);
        } finally {
            if (before == null) {
                System.clearProperty(BASE_URL_PROPERTY);
            } else {
                System.setProperty(BASE_URL_PROPERTY, before);
            }
        }
    }

    /**
     * The simulation class of that name, as Gatling will load it: from the class path Gatling itself
     * is on (it ignores the thread's context class loader).
     *
     * @throws IllegalArgumentException when there is none, or it is no Gatling {@link Simulation}
     */
    public static Class<?> simulationClass(String name) {
        Class<?> type;
        try {
            type = Class.forName(name, false, Gatling$.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("the simulation " + name + " is not on the harness's class path (" + e
                    + "): replay the incident from your project's own tests (JUnit extension, see docs/your-own-incident.md), "
                    + "where your test classes are, or remove load.simulation to let the harness send the mix");
        }
        if (!Simulation.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("the simulation " + name + " is not a Gatling simulation: it must extend "
                    + Simulation.class.getName());
        }
        return type;
    }

    private static Path launch(String simulation, Duration requestTimeout, Path resultsDirectory, String description) {
        try {
            Files.createDirectories(resultsDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Gatling results directory " + resultsDirectory, e);
        }
        // The rest of Gatling's configuration is in gatling.conf; this one value differs per replay.
        System.setProperty("gatling.http.requestTimeout", Long.toString(requestTimeout.toMillis()));
        // Gatling prints its start and its report generation with Scala's println: into the log instead.
        // Only Scala's Console is redirected (for this thread and the threads Gatling starts from it):
        // System.out stays the harness's, and a logging setup that writes to it is not looped back.
        int status;
        LoggingSnapshot logging = LoggingSnapshot.take(); // Gatling resets logback when it ends
        try (PrintStream log = LineLogger.to(LOG)) {
            status = scala.Console.withOut(log, () -> Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", simulation,
                "--results-folder", resultsDirectory.toString(),
                "--run-description", description,
            }));
        } finally {
            logging.restore();
        }
        if (status == ASSERTIONS_FAILED) {
            // a simulation of the user's own may assert on its requests; during a fault they fail, as they should
            LOG.info("{}: Gatling's assertions failed (status {}); the replay judges the run by its own expectations",
                    simulation, status);
        } else if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status + " running " + simulation
                    + "; its output is in the run's log (replay.log beside the reports, or the console with --verbose)");
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
