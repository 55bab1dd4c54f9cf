package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs replays one after another in one environment, once or {@code --repeat} times, then writes the
 * reports and prints the verdicts (and, for repeats, each finding's spread). Ctrl-C aborts the replay
 * in progress: its partial result and report are written and its teardown runs before the JVM exits.
 * When the harness breaks (the environment does not start or stop, an exception escapes), the
 * verdicts reached so far are still reported before the failure is, with exit code 4.
 */
final class ReplayBatch {

    private ReplayBatch() {}

    /**
     * @param replay how many times to run every request (above 1 each run writes into
     *     {@code <output>/repeat-NN/} and a summary of the spread goes to {@code <output>}), where
     *     the reports and the JUnit XML go
     * @return the exit code: the worst verdict's over every run
     */
    static int run(List<ReplayEngine.Request> requests, ReplayOptions replay, EnvironmentOptions options, PrintStream out) {
        requests.forEach(ReplayEngine::check); // bad input, before anything starts
        Path output = replay.output();
        try (RunLog log = RunLog.open(output, replay.verbose)) {
            out.println("log: " + log.file() + (replay.verbose ? "" : " (--verbose shows it here too)"));
            return runAndReport(requests, replay, options, output, out);
        }
    }

    private static int runAndReport(List<ReplayEngine.Request> requests, ReplayOptions replay, EnvironmentOptions options,
            Path output, PrintStream out) {
        int repeats = replay.repeats();
        List<List<ReplayResult>> runs = new ArrayList<>();
        RuntimeException broke = null;
        try {
            replayAll(requests, repeats, options, output, out, runs);
        } catch (HarnessFailure e) {
            broke = e;
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            broke = new HarnessFailure("the harness broke: " + e, e, output);
        }
        int exit = 0;
        List<Path> directories = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) { // whatever broke, the verdicts reached so far are printed and written
            directories.add(directory(output, i + 1, repeats));
            if (!runs.get(i).isEmpty()) {
                exit = Math.max(exit, Verdicts.report(runs.get(i), directories.get(i), out, repeats > 1));
            }
        }
        String harnessError = broke == null ? null : broke.getMessage();
        Summary.of(runs, directories, output, broke != null ? ReplayCli.HARNESS_ERROR : exit, harnessError).write(output);
        out.println("JUnit XML: " + JUnitReport.of(runs, directories, replay.junit(), harnessError).write(replay.junit()));
        if (broke != null) {
            throw broke;
        }
        if (repeats > 1) {
            Repeatability summary = Repeatability.of(runs);
            summary.print(out);
            out.println(summary.write(output));
        }
        return exit;
    }

    /** Fills {@code runs} as replays finish, so that a failure keeps every result reached before it. */
    private static void replayAll(List<ReplayEngine.Request> requests, int repeats, EnvironmentOptions options, Path output,
            PrintStream out, List<List<ReplayResult>> runs) {
        String backend = options.backend().name().toLowerCase(Locale.ROOT);
        AtomicReference<ReplayEngine> current = new AtomicReference<>();
        try (ReplayEnvironment environment = new ReplayEnvironment(options.config(output))) {
            Thread hook = new Thread(() -> {
                ReplayEngine engine = current.get();
                if (engine != null) {
                    engine.abort("interrupted (Ctrl-C) before the replay finished");
                }
            }, "replay-abort");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("environment: starting " + backend + " PostgreSQL and fault proxy ...");
            try {
                environment.start();
            } catch (RuntimeException e) {
                throw new HarnessFailure("the " + backend + " environment did not start: " + e.getMessage(), e, output);
            }
            for (int repeat = 1; repeat <= repeats; repeat++) {
                Path directory = directory(output, repeat, repeats);
                if (repeats > 1) {
                    out.printf("repeat %d of %d -> %s%n", repeat, repeats, directory);
                }
                ReplayEngine engine = new ReplayEngine(environment, directory, out);
                current.set(engine);
                List<ReplayResult> results = new ArrayList<>();
                runs.add(results);
                for (ReplayEngine.Request request : requests) {
                    results.add(engine.replay(request).result());
                }
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private static Path directory(Path output, int repeat, int repeats) {
        return repeats == 1 ? output : output.resolve(String.format(Locale.ROOT, "repeat-%02d", repeat));
    }
}
