package io.incidentreplay.report;

import static io.incidentreplay.report.internal.Html.text;
import static io.incidentreplay.report.internal.Html.textOrDash;

import io.incidentreplay.report.internal.Html;
import io.incidentreplay.report.internal.Links;
import io.incidentreplay.report.internal.Page;
import io.incidentreplay.report.internal.ReplayData;
import io.incidentreplay.report.internal.ResultReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gate's front page ({@code index.html}): every incident and role of a run with its verdict,
 * its first reasons and links to its report, its JSON and, where one exists, the incident's
 * comparison page. The gate line at the top says whether every baseline was REPRODUCED and every
 * candidate PASSed.
 * <p>
 * Stateless. Replay reports that do not exist yet are rendered, so no link dangles.
 * <pre>{@code
 * GateIndex.write(List.of(baselineJson, candidateJson), Path.of("replays"));
 * }</pre>
 */
public final class GateIndex {

    /** The file name written into the output directory. */
    public static final String FILE_NAME = "index.html";

    private GateIndex() {}

    private record Entry(Path json, ReplayData data) {}

    /**
     * Renders the index.
     *
     * @param resultJsons every {@code result.json} of the run
     * @param outputDirectory where {@code index.html} goes; links are relative to it
     * @return the written file
     * @throws ReportException when the list is empty, or a result is missing, unreadable or of another format
     */
    public static Path write(List<Path> resultJsons, Path outputDirectory) {
        if (resultJsons == null || resultJsons.isEmpty()) {
            throw new ReportException("no result files given for the gate index of " + outputDirectory
                    + ": pass the result.json of every replay the gate ran");
        }
        List<Entry> entries = new ArrayList<>();
        resultJsons.forEach(json -> entries.add(new Entry(json, ResultReader.read(json))));
        entries.sort(Comparator.comparing((Entry e) -> String.valueOf(e.data().incident().id()))
                .thenComparing(e -> "baseline".equals(e.data().role()) ? 0 : 1));
        Path directory = outputDirectory.toAbsolutePath();
        long unexpected = entries.stream().filter(e -> !e.data().verdictAsExpected()).count();
        String body = "<header>\n<h1>Incident replay gate</h1>\n<p class=\"subtitle\">" + entries.size()
                + " replay(s), written " + Html.date(System.currentTimeMillis()) + "</p>\n</header>\n"
                + "<p class=\"verdict-line\">" + (unexpected == 0
                        ? Html.verdictBadge("GATE PASSES", true) + " every baseline REPRODUCED its incident and every candidate PASSED"
                        : Html.verdictBadge("GATE FAILS", false) + " " + unexpected + " of " + entries.size()
                                + " replay(s) did not get the verdict their role needs (baseline REPRODUCED, candidate PASS)")
                + "</p>\n" + table(entries, directory)
                + "<footer>Written by incident-replay. Each report is self-contained and opens offline.</footer>\n";
        return Page.write(directory.resolve(FILE_NAME), Page.of("index", "Incident replay gate", body));
    }

    private static String table(List<Entry> entries, Path directory) {
        StringBuilder out = new StringBuilder("<table class=\"gate\"><thead><tr><th>incident</th><th>role</th><th>build</th>"
                + "<th>verdict</th><th>reasons</th><th>links</th></tr></thead><tbody>\n");
        for (Entry e : entries) {
            ReplayData d = e.data();
            out.append("<tr><td><strong>").append(textOrDash(d.incident().title())).append("</strong><br><code>")
                    .append(textOrDash(d.incident().id())).append("</code></td><td>").append(text(d.role()))
                    .append("</td><td>").append(textOrDash(d.build().name())).append("</td><td>")
                    .append(Html.verdictBadge(d.verdict(), d.verdictAsExpected())).append("</td><td>")
                    .append(reasons(d)).append("</td><td>").append(links(e, directory)).append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static String reasons(ReplayData d) {
        if (d.reasons().isEmpty()) {
            return "&mdash;";
        }
        String first = text(d.reasons().get(0));
        return d.reasons().size() == 1 ? first : first + " <small>(+" + (d.reasons().size() - 1) + " more)</small>";
    }

    private static String links(Entry e, Path directory) {
        String links = "<a href=\"" + text(Links.replayReport(e.json(), directory)) + "\">report</a> · <a href=\""
                + text(Links.relative(directory, e.json())) + "\">JSON</a>";
        Path incidentDirectory = e.json().toAbsolutePath().getParent().getParent();
        Path comparison = incidentDirectory == null ? null : incidentDirectory.resolve(ComparisonReport.FILE_NAME);
        if (comparison != null && Files.isRegularFile(comparison)) {
            links += " · <a href=\"" + text(Links.relative(directory, comparison)) + "\">comparison</a>";
        }
        return links;
    }
}
