package io.incidentreplay.report;

import io.incidentreplay.report.internal.ChartBuilder;
import io.incidentreplay.report.internal.Html;
import io.incidentreplay.report.internal.Page;
import io.incidentreplay.report.internal.ReplayData;
import io.incidentreplay.report.internal.ReplaySections;
import io.incidentreplay.report.internal.ResultReader;
import java.nio.file.Path;

/**
 * The report of one replay: a single self-contained {@code report.html} next to its
 * {@code result.json}, readable offline and in print by someone who did not run the replay — the
 * story, build, dataset and time scale, the verdict with its reasons, seven timeline charts with the
 * fault windows shaded and the phases marked, the signature/budget table, per-phase figures, the
 * fault timeline, a relative link to Gatling's report and the notes. Every string is redacted
 * ({@link Redactor}) and escaped.
 * <p>
 * Stateless; safe to call from several threads for different files.
 * <pre>{@code
 * Path html = HtmlReport.write(Path.of("replays/pool-exhaustion/candidate/result.json"));
 * }</pre>
 */
public final class HtmlReport {

    /** The file name written next to each result.json. */
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {}

    /**
     * Renders the replay's report.
     *
     * @param resultJson a {@code result.json} of format {@code incident-replay/result@1}
     * @return the written {@code report.html}, in the same directory
     * @throws ReportException when the result is missing, unreadable or of another format, or the file cannot be written
     */
    public static Path write(Path resultJson) {
        ReplayData data = ResultReader.read(resultJson);
        ReplaySections sections = new ReplaySections(data);
        String body = sections.header() + sections.facts() + sections.verdict()
                + ReplaySections.charts("Seconds since the load started. ")
                + sections.findings() + sections.phases() + sections.faults() + sections.gatling() + sections.notes()
                + "<footer>Written by incident-replay from " + Html.text(
                        resultJson.getFileName().toString()) + " (format " + ResultReader.SUPPORTED_FORMATS.get(0)
                + ", see docs/results-format.md). Charts: Chart.js, MIT License.</footer>\n";
        String html = Page.withCharts("replay", sections.title(), body, new ChartBuilder(data, null).build());
        return Page.write(resultJson.toAbsolutePath().resolveSibling(FILE_NAME), html);
    }
}
