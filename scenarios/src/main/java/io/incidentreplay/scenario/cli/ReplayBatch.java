package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.engine.ReplayEngine;
import io.incidentreplay.scenario.engine.ReplayResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs replays one after another in one environment, then writes the reports and prints the
 * verdicts. Ctrl-C aborts the replay in progress: its partial result and report are written and its
 * teardown runs before the JVM exits.
 */
final class ReplayBatch {

    private ReplayBatch() {}

    /** @return the exit code: the worst verdict's */
    static int run(List<ReplayEngine.Request> requests, EnvironmentOptions options, Path output, PrintStream out) {
        String backend = options.backend().name().toLowerCase(Locale.ROOT);
        List<ReplayResult> results = new ArrayList<>();
        try (ReplayEnvironment environment = new ReplayEnvironment(options.config(output))) {
            ReplayEngine engine = new ReplayEngine(environment, output, out);
            Thread hook = new Thread(() -> engine.abort("interrupted (Ctrl-C) before the replay finished"), "replay-abort");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("environment: starting " + backend + " PostgreSQL and fault proxy ...");
            try {
                environment.start();
            } catch (RuntimeException e) {
                throw new UserError("the " + backend + " environment did not start: " + e.getMessage());
            }
            for (ReplayEngine.Request request : requests) {
                results.add(engine.replay(request));
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return Verdicts.report(results, output, out);
    }
}
