package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.report.testsupport.HeadlessChromium;
import io.incidentreplay.report.testsupport.Pages;
import io.incidentreplay.report.testsupport.RealisticResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the written pages in Debian's headless Chromium, offline, and checks that every chart drew
 * and no script error or console error happened. Screenshots stay in {@code target/screenshots/}
 * for a human to look at. Skipped (visibly) where Chromium is not installed.
 */
class HtmlReportBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path output;

    private HeadlessChromium chromium;

    @BeforeEach
    void needs_chromium() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(),
                "Chromium is not installed at /usr/bin/chromium: the browser test is SKIPPED."
                        + " Install it with 'apt-get install -y chromium' to run it");
        chromium = new HeadlessChromium(output);
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void replay_report_draws_all_seven_charts_and_the_machine_without_errors() {
        Path html = HtmlReport.write(RealisticResult.baseline(output));

        String dom = chromium.dumpDom(html);
        chromium.screenshot(html, SCREENSHOTS.resolve("report-baseline.png"));

        assertThat(attribute(dom, "data-errors")).as("script and console errors on the page").isEmpty();
        assertThat(attribute(dom, "data-charts-drawn")).as("charts drawn by Chart.js").isEqualTo("8");
        assertThat(dom).as("every chart got a canvas").containsPattern("(?s)(<canvas[^>]*>.*){8}");
        assertThat(SCREENSHOTS.resolve("report-baseline.png")).isNotEmptyFile();
    }

    @Test
    void comparison_incomplete_older_and_redacted_reports_draw_without_errors() {
        Path baseline = RealisticResult.baseline(output);
        Path comparison = ComparisonReport.write(baseline, RealisticResult.candidate(output), output.resolve("weather-cascade"));
        Path control = HtmlReport.write(Pages.fixture("pool-exhaustion/baseline-control.json", output));
        Path incomplete = HtmlReport.write(Pages.fixture("incomplete.json", output));
        Path redacted = HtmlReport.write(Pages.fixture("secrets.json", output));
        Path older = HtmlReport.write(RealisticResult.legacyBaseline(output.resolve("older")));

        // results without machine samples (written before the machine guard) have no machine chart
        Map<Path, String> charts = Map.of(comparison, "8", control, "8", incomplete, "7", redacted, "7", older, "7");
        for (Map.Entry<Path, String> page : charts.entrySet()) {
            String dom = chromium.dumpDom(page.getKey());
            assertThat(attribute(dom, "data-errors")).as("errors on " + page.getKey()).isEmpty();
            assertThat(attribute(dom, "data-charts-drawn")).as("charts drawn on " + page.getKey()).isEqualTo(page.getValue());
        }
        chromium.screenshot(comparison, SCREENSHOTS.resolve("comparison.png"));
        chromium.screenshot(incomplete, SCREENSHOTS.resolve("report-incomplete.png"));
        assertThat(SCREENSHOTS.resolve("comparison.png")).isNotEmptyFile();
    }

    @Test
    void gate_index_opens_without_errors() {
        Path index = GateIndex.write(List.of(RealisticResult.baseline(output), RealisticResult.failingCandidate(output)), output);

        String dom = chromium.dumpDom(index);
        chromium.screenshot(index, SCREENSHOTS.resolve("index.png"));

        assertThat(attribute(dom, "data-errors")).as("errors on the index").isEmpty();
        assertThat(dom).contains("GATE FAILS");
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("<body> has a " + name + " attribute (did the page script run?)").isTrue();
        return m.group(1);
    }
}
