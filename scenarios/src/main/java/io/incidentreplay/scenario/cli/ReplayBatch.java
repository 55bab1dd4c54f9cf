package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs replays one after another in one environment, once or {@code --repeat} times, then writes the
 * reports and prints the verdicts (and, for repeats, each finding's spread). Ctrl-C aborts the replay
 * in progress: its partial result and report, the summary and the JUnit XML are written and its
 * teardown runs before the JVM exits.
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
        CtrlC ctrlC = new CtrlC();
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        try {
            replayAll(requests, repeats, options, output, out, runs, ctrlC);
        } catch (HarnessFailure e) {
            broke = e;
        } catch (UserError e) {
            ctrlC.reported(); // nothing to report: no hook may wait for it
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
        try {
            Summary.of(runs, directories, output, broke != null ? ReplayCli.HARNESS_ERROR : exit, harnessError).write(output);
            out.println("JUnit XML: " + JUnitReport.of(runs, directories, replay.junit(), harnessError).write(replay.junit()));
        } finally {
            ctrlC.reported();
        }
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
            PrintStream out, List<List<ReplayResult>> runs, CtrlC ctrlC) {
        String backend = options.backend().name().toLowerCase(Locale.ROOT);
        try (ReplayEnvironment environment = new ReplayEnvironment(options.config(output))) {
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
                ctrlC.engine.set(engine);
                List<ReplayResult> results = new ArrayList<>();
                runs.add(results);
                for (ReplayEngine.Request request : requests) {
                    if (ctrlC.pressed()) {
                        return; // the replays so far are reported; no new one starts
                    }
                    results.add(engine.replay(request).result());
                }
            }
        }
    }

    /**
     * Ctrl-C or SIGTERM: the replay in progress ends as INCOMPLETE with what it observed, no other
     * starts, and the JVM waits (a bounded time) until the verdicts so far, summary.json and the
     * JUnit XML are written: a cancelled CI job still leaves them.
     */
    private static final class CtrlC {
        private static final long WAIT_SECONDS = 60;
        final AtomicReference<ReplayEngine> engine = new AtomicReference<>();
        private final AtomicBoolean pressed = new AtomicBoolean();
        private final CountDownLatch reported = new CountDownLatch(1);
        final Thread hook = new Thread(this::onShutdown, "replay-abort");

        private void onShutdown() {
            pressed.set(true);
            ReplayEngine current = engine.get();
            if (current != null) {
                current.abort("interrupted (Ctrl-C) before the replay finished");
            }
            try {
                reported.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean pressed() {
            return pressed.get();
        }

        /** The reports are written: the hook may let the JVM go, and a run that ended normally needs no hook. */
        void reported() {
            reported.countDown();
            if (!pressed.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it finds the latch open
                }
            }
        }
    }

    private static Path directory(Path output, int repeat, int repeats) {
        return repeats == 1 ? output : output.resolve(String.format(Locale.ROOT, "repeat-%02d", repeat));
    }
}
