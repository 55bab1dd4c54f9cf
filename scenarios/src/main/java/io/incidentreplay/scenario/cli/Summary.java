package io.incidentreplay.scenario.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.incidentreplay.scenario.ReplayResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.json} beside a run's reports: every replay's verdict with the paths of its result
 * and report, the run's exit code and, when the harness broke, why. What a CI step reads instead of
 * parsing the console. Format {@code incident-replay/summary@1}, see docs/results-format.md.
 *
 * @param exitCode the run's exit code, as {@code ./replay} exits with it
 * @param harnessError the sentence the harness broke with, or null
 * @param replays every replay that reached a verdict, in the order they ran
 */
record Summary(int exitCode, String harnessError, List<Entry> replays) {

    static final String FORMAT = "incident-replay/summary@1";
    static final String FILE_NAME = "summary.json";

    /**
     * @param repeat which run of {@code --repeat} (1 for a single run)
     * @param result the result.json, relative to the summary
     * @param report the replay's HTML report, relative to the summary
     */
    record Entry(String incident, String role, String build, String verdict, int exitCode, List<String> reasons,
            int repeat, String result, String report) {}

    @JsonProperty("format")
    public String format() {
        return FORMAT;
    }

    /** @param runs each repeat's results, with the directory its reports are in */
    static Summary of(List<List<ReplayResult>> runs, List<Path> directories, Path output, int exitCode, String harnessError) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (ReplayResult r : runs.get(i)) {
                Path json = Verdicts.resultFile(directories.get(i), r);
                entries.add(new Entry(r.incident().id(), r.role(), r.build().name(), r.verdict().name(), r.verdict().exitCode(),
                        r.reasons(), i + 1, relative(output, json), relative(output, json.resolveSibling("report.html"))));
            }
        }
        return new Summary(exitCode, harnessError, entries);
    }

    Path write(Path output) {
        Path file = output.resolve(FILE_NAME);
        try {
            Files.createDirectories(output);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().relativize(to.toAbsolutePath()).toString();
    }
}
