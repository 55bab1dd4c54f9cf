package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.engine.ReplayResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The end of a run on the terminal: one verdict line per replay with its reasons, then the report path. */
final class Verdicts {

    private Verdicts() {}

    /** Prints the verdicts and returns the exit code: the worst of the replays' codes. */
    static int print(List<ReplayResult> results, Path output, PrintStream out) {
        out.println();
        int exit = 0;
        for (ReplayResult r : results) {
            out.printf("%-9s %-16s %s on %s%n", r.role(), r.verdict(), r.incident().id(), r.build().name());
            r.reasons().forEach(reason -> out.println("          - " + reason));
            exit = Math.max(exit, r.verdict().exitCode());
        }
        out.println(output);
        return exit;
    }
}
