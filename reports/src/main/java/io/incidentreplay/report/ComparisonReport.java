package io.incidentreplay.report;

import static io.incidentreplay.report.internal.Html.text;
import static io.incidentreplay.report.internal.Html.textOrDash;

import io.incidentreplay.report.internal.ChartBuilder;
import io.incidentreplay.report.internal.Charts;
import io.incidentreplay.report.internal.Headlines;
import io.incidentreplay.report.internal.Html;
import io.incidentreplay.report.internal.Links;
import io.incidentreplay.report.internal.LogsSection;
import io.incidentreplay.report.internal.StorageSection;
import io.incidentreplay.report.internal.Page;
import io.incidentreplay.report.internal.ReplayData;
import io.incidentreplay.report.internal.ReplaySections;
import io.incidentreplay.report.internal.ResultReader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Baseline and candidate of one incident on one page ({@code comparison.html}): both verdicts with
 * their reasons side by side, the headline numbers per phase with the candidate's deltas, and the
 * seven timeline charts with both runs on one relative time axis (seconds since each run's own load
 * start; baseline dashed). Links to both replays' reports, which are rendered when missing.
 * <p>
 * Stateless; self-contained like {@link HtmlReport}.
 * <pre>{@code
 * ComparisonReport.write(out.resolve("weather-cascade/baseline/result.json"),
 *         out.resolve("weather-cascade/candidate/result.json"), out.resolve("weather-cascade"));
 * }</pre>
 */
public final class ComparisonReport {

    /** The file name written into the output directory. */
    public static final String FILE_NAME = "comparison.html";

    private ComparisonReport() {}

    /**
     * Renders the comparison.
     *
     * @param baselineJson the baseline build's {@code result.json}
     * @param candidateJson the candidate build's {@code result.json} of the same incident
     * @param outputDirectory where {@code comparison.html} goes (created if needed)
     * @return the written file
     * @throws ReportException when a result is missing, unreadable or of another format, or the two are
     *         results of different incidents
     */
    public static Path write(Path baselineJson, Path candidateJson, Path outputDirectory) {
        ReplayData baseline = ResultReader.read(baselineJson);
        ReplayData candidate = ResultReader.read(candidateJson);
        if (!Objects.equals(baseline.incident().id(), candidate.incident().id())) {
            throw new ReportException("cannot compare results of different incidents: " + baselineJson + " is '"
                    + baseline.incident().id() + "' but " + candidateJson + " is '" + candidate.incident().id()
                    + "'; pass the baseline and candidate result.json of one incident");
        }
        Path directory = outputDirectory.toAbsolutePath();
        String title = (baseline.incident().title() != null ? baseline.incident().title() : baseline.incident().id())
                + " — baseline vs candidate";
        String body = "<header>\n<h1>" + text(title) + "</h1>\n<p class=\"subtitle\">incident <code>"
                + textOrDash(baseline.incident().id()) + "</code></p>\n<p class=\"story\">"
                + textOrDash(baseline.incident().story()) + "</p>\n</header>\n"
                + "<div class=\"columns\">\n" + column("Baseline", baseline, Links.replayReport(baselineJson, directory))
                + column("Candidate", candidate, Links.replayReport(candidateJson, directory)) + "</div>\n"
                + "<section id=\"deltas\">\n<h2>Headline numbers</h2>\n<p class=\"legend\">Delta = candidate − baseline;"
                + " green where the candidate is better.</p>\n" + Headlines.table(baseline, candidate) + "</section>\n"
                + LogsSection.comparison(baseline, candidate) + StorageSection.comparison(baseline, candidate) + charts()
                + "<footer>Written by incident-replay from " + text(Links.relative(directory, baselineJson)) + " and "
                + text(Links.relative(directory, candidateJson)) + ". Charts: Chart.js, MIT License.</footer>\n";
        Charts charts = Charts.overlay(new ChartBuilder(baseline, "baseline").build(),
                new ChartBuilder(candidate, "candidate").build());
        return Page.write(directory.resolve(FILE_NAME), Page.withCharts("comparison", title, body, charts));
    }

    private static String charts() {
        return ReplaySections.charts(
                "Both runs on one axis: seconds since each run's own load start; baseline dashed, candidate solid. ");
    }

    private static String column(String heading, ReplayData data, String reportLink) {
        StringBuilder out = new StringBuilder("<section>\n<h2>").append(heading).append("</h2>\n<p class=\"verdict-line\">")
                .append(Html.verdictBadge(data.verdict(), data.verdictAsExpected())).append("</p>\n<dl class=\"facts\">\n")
                .append("<dt>Build</dt><dd>").append(textOrDash(data.build().name())).append("</dd>\n")
                .append("<dt>Role</dt><dd>").append(textOrDash(data.role())).append("</dd>\n")
                .append("<dt>Time scale</dt><dd>").append(Html.number(data.timeScale())).append("</dd>\n")
                .append("<dt>Started</dt><dd>").append(Html.date(data.startedAtMillis())).append("</dd>\n</dl>\n<ul class=\"reasons\">\n");
        data.reasons().forEach(r -> out.append("<li>").append(text(r)).append("</li>\n"));
        return out.append("</ul>\n<p><a href=\"").append(text(reportLink)).append("\">full report</a></p>\n</section>\n")
                .toString();
    }
}
