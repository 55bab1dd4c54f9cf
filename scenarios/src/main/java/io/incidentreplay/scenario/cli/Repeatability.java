package io.incidentreplay.scenario.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same replays run N times, summarised: for each replay how often each verdict came, and for
 * each finding that decides or guards the verdict the spread of its measured value and its
 * smallest margin. A verdict that flips, or a margin that comes close, shows here before it costs
 * a release. Written as {@code repeatability.json} (format {@value #FORMAT}).
 *
 * @param repeats how many times every replay ran
 * @param replays one entry per incident and role, in the order they ran
 */
record Repeatability(int repeats, List<Replay> replays) {

    static final String FORMAT = "incident-replay/repeatability@1";

    /**
     * One replay's runs.
     *
     * @param expected the verdict its role should give
     * @param verdicts how often each verdict came
     * @param unexpected runs whose verdict was not the expected one
     * @param findings the spread of each decisive, steady-state and control finding
     * @param results each run's result.json, in run order
     */
    record Replay(String incident, String role, Verdict expected, Map<Verdict, Integer> verdicts, int unexpected,
            List<Spread> findings, List<String> results) {}

    /**
     * One finding over the runs that measured it.
     *
     * @param met in how many runs it held
     * @param runs in how many runs it was judged
     * @param min smallest measured value (NaN when none was measured)
     * @param smallestMargin the smallest margin over the runs (NaN when undefined)
     * @param thin in how many runs its margin was thin
     */
    record Spread(String kind, String expectation, int met, int runs, double min, double median, double max,
            double smallestMargin, int thin) {}

    @JsonProperty("format")
    String format() {
        return FORMAT;
    }

    /** @param runs each repeat's results, in the same order of requests */
    static Repeatability of(List<List<ReplayResult>> runs) {
        Map<String, List<ReplayResult>> byReplay = new LinkedHashMap<>();
        runs.forEach(results -> results.forEach(r ->
                byReplay.computeIfAbsent(r.incident().id() + " " + r.role(), k -> new ArrayList<>()).add(r)));
        List<Replay> replays = new ArrayList<>();
        byReplay.values().forEach(results -> replays.add(replay(results)));
        return new Repeatability(runs.size(), replays);
    }

    private static Replay replay(List<ReplayResult> results) {
        ReplayResult first = results.get(0);
        Verdict expected = first.role().equals("candidate") ? Verdict.PASS : Verdict.REPRODUCED;
        Map<Verdict, Integer> verdicts = new TreeMap<>();
        results.forEach(r -> verdicts.merge(r.verdict(), 1, Integer::sum));
        int unexpected = (int) results.stream().filter(r -> r.verdict() != expected).count();
        String decisive = first.role().equals("candidate") ? "budget" : "signature";
        Map<String, List<JudgedFinding>> byFinding = new LinkedHashMap<>();
        for (ReplayResult r : results) {
            for (JudgedFinding f : r.findings()) {
                if (f.kind().equals(decisive) || f.kind().equals("steady-state") || f.kind().equals("control")) {
                    byFinding.computeIfAbsent(f.kind() + "\u0000" + f.finding().expectation(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        List<Spread> spreads = new ArrayList<>();
        byFinding.values().forEach(fs -> spreads.add(spread(fs)));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) { // one result per repeat, in repeat order
            files.add(String.format(Locale.ROOT, "repeat-%02d/%s/%s/result.json", i + 1, first.incident().id(), first.role()));
        }
        return new Replay(first.incident().id(), first.role(), expected, verdicts, unexpected, spreads, files);
    }

    private static Spread spread(List<JudgedFinding> findings) {
        double[] measured = findings.stream().mapToDouble(f -> f.finding().measured()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double margin = findings.stream().map(JudgedFinding::finding).filter(f -> !f.atBound())
                .mapToDouble(Finding::margin).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        int met = (int) findings.stream().filter(f -> !f.finding().failed()).count();
        int thin = (int) findings.stream().filter(f -> f.finding().thin()).count();
        return new Spread(findings.get(0).kind(), findings.get(0).finding().expectation(), met, findings.size(),
                measured.length == 0 ? Double.NaN : measured[0],
                measured.length == 0 ? Double.NaN : median(measured),
                measured.length == 0 ? Double.NaN : measured[measured.length - 1], margin, thin);
    }

    void print(PrintStream out) {
        out.println();
        out.printf("repeatability: every replay ran %d times%n", repeats);
        for (Replay r : replays) {
            List<String> counts = new ArrayList<>();
            r.verdicts().forEach((v, n) -> counts.add(v + " " + n + "/" + repeats));
            out.printf("%-22s %-9s %s%s%n", r.incident(), r.role(), String.join(", ", counts),
                    r.unexpected() > 0 ? "   <- " + r.unexpected() + " unexpected (expected " + r.expected() + ")" : "");
            for (Spread s : r.findings()) {
                out.printf(Locale.US, "    %-12s %-70s met %2d/%-2d  min/median/max %s / %s / %s  smallest margin %s%s%n",
                        s.kind(), s.expectation(), s.met(), s.runs(), number(s.min()), number(s.median()), number(s.max()),
                        Double.isNaN(s.smallestMargin()) ? "-" : String.format(Locale.US, "%.0f%%", s.smallestMargin() * 100),
                        s.thin() > 0 ? "  THIN in " + s.thin() : "");
            }
        }
    }

    /** Writes {@code repeatability.json} into {@code directory} and returns its path. */
    Path write(Path directory) {
        Path file = directory.resolve("repeatability.json");
        try {
            Files.createDirectories(directory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The middle value, or the mean of the two middle ones. */
    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return "never";
        }
        return v == Math.rint(v) ? String.format(Locale.US, "%,d", (long) v) : String.format(Locale.US, "%,.2f", v);
    }
}
