package io.incidentreplay.scenario.cli;

import io.incidentreplay.report.ComparisonReport;
import io.incidentreplay.report.GateIndex;
import io.incidentreplay.report.HtmlReport;
import io.incidentreplay.scenario.ReplayResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a run: the HTML reports (one per replay, a baseline-vs-candidate comparison per
 * incident, an index of everything), then on the terminal one verdict line per replay with its
 * reasons, and the path of the page to open as the very last line.
 */
final class Verdicts {

    private Verdicts() {}

    /**
     * Writes the reports, prints the verdicts (with their reasons unless {@code brief}) and returns
     * the exit code: the worst of the replays'.
     */
    static int report(List<ReplayResult> results, Path output, PrintStream out, boolean brief) {
        Path page = writeReports(results, output);
        out.println();
        int exit = 0;
        for (ReplayResult r : results) {
            out.printf("%-9s %-16s %s on %s%n", r.role(), r.verdict(), r.incident().id(), r.build().name());
            if (!brief) {
                r.reasons().forEach(reason -> out.println("          - " + reason));
            }
            exit = Math.max(exit, r.verdict().exitCode());
        }
        out.println(page);
        return exit;
    }

    private static Path writeReports(List<ReplayResult> results, Path output) {
        List<Path> jsons = new ArrayList<>();
        Map<String, Map<String, Path>> byIncident = new LinkedHashMap<>();
        for (ReplayResult r : results) {
            Path json = resultFile(output, r); // the engine wrote it, and report.html beside it
            jsons.add(json);
            byIncident.computeIfAbsent(r.incident().id(), id -> new LinkedHashMap<>()).put(r.role(), json);
        }
        byIncident.forEach((incident, roles) -> {
            if (roles.containsKey("baseline") && roles.containsKey("candidate")) {
                ComparisonReport.write(roles.get("baseline"), roles.get("candidate"), output.resolve(incident));
            }
        });
        if (jsons.size() == 1) {
            return jsons.get(0).resolveSibling(HtmlReport.FILE_NAME);
        }
        return GateIndex.write(jsons, output);
    }

    /** Where the engine wrote a replay's result. */
    static Path resultFile(Path output, ReplayResult r) {
        return output.resolve(r.incident().id()).resolve(r.role()).resolve("result.json");
    }
}
