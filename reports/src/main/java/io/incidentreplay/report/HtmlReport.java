package io.incidentreplay.report;

import io.incidentreplay.report.internal.ChartBuilder;
import io.incidentreplay.report.internal.Html;
import io.incidentreplay.report.internal.LogsSection;
import io.incidentreplay.report.internal.StorageSection;
import io.incidentreplay.report.internal.Page;
import io.incidentreplay.report.internal.ReplayData;
import io.incidentreplay.report.internal.ReplaySections;
import io.incidentreplay.report.internal.ResultReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The report of one replay: a single self-contained {@code report.html} next to its
 * {@code result.json}, readable offline and in print by someone who did not run the replay — the
 * story, build, dataset and time scale, the verdict with its reasons, the steady state and the
 * control it rests on (linking a control replay's report), seven timeline charts with the fault
 * windows shaded and the phases marked (an eighth of the machine's CPU where it was recorded), every
 * finding with its margin, per-phase figures, the machine guard's windows, the instances' warm-up,
 * the fault timeline, a relative link to Gatling's report and the notes. Every string is redacted
 * ({@link Redactor}) and escaped. Results written before the steady state, control, margins and
 * machine were recorded render too, saying so where those would be.
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
        return write(resultJson, true);
    }

    /**
     * @param controlToo whether to render the control replay's report as well when the result names
     *     one that has none yet, so the link never dangles (never further: a control has no control)
     */
    private static Path write(Path resultJson, boolean controlToo) {
        ReplayData data = ResultReader.read(resultJson);
        if (controlToo) {
            controlResult(resultJson, data).filter(json -> !Files.isRegularFile(json.resolveSibling(FILE_NAME)))
                    .ifPresent(HtmlReport::writeControl);
        }
        ReplaySections sections = new ReplaySections(data, resultJson);
        String body = sections.header() + sections.facts() + sections.verdict() + sections.control()
                + ReplaySections.charts("Seconds since the load started. ")
                + sections.findings() + LogsSection.of(data) + StorageSection.of(data) + sections.phases() + sections.machine() + sections.warmUp()
                + sections.faults()
                + sections.gatling() + sections.notes()
                + "<footer>Written by incident-replay from " + Html.text(
                        resultJson.getFileName().toString()) + " (format " + ResultReader.SUPPORTED_FORMATS.get(0)
                + ", see docs/results-format.md). Charts: Chart.js, MIT License.</footer>\n";
        String html = Page.withCharts("replay", sections.title(), body, new ChartBuilder(data, null).build());
        return Page.write(resultJson.toAbsolutePath().resolveSibling(FILE_NAME), html);
    }

    /** A control replay's unreadable result must not cost the baseline its report; the link then says so. */
    private static void writeControl(Path controlJson) {
        try {
            write(controlJson, false);
        } catch (ReportException e) {
            // the baseline's report says the control's report is not there
        }
    }

    /** The control replay's result.json the result names (relative to it), when it exists. */
    private static Optional<Path> controlResult(Path resultJson, ReplayData data) {
        String link = data.control() == null ? null : data.control().result();
        if (!Html.isRelativeLink(link)) {
            return Optional.empty();
        }
        Path here = resultJson.toAbsolutePath().normalize();
        Path control = here.resolveSibling(link.replace('\\', '/')).normalize();
        return control.equals(here) || !Files.isRegularFile(control) ? Optional.empty() : Optional.of(control);
    }
}
