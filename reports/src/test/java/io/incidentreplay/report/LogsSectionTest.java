package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentreplay.report.testsupport.Pages;
import io.incidentreplay.report.testsupport.RealisticResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incident that watches the builds' logs gets a "Logs and cost" section, and the comparison the bill before and after. */
class LogsSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    /** The result with the logs the engine records for a logging incident. */
    private static Path withLogs(Path resultJson, double loggedAll, double bytes, long canaryLines, double gb, double usd)
            throws IOException {
        ObjectNode result = (ObjectNode) JSON.readTree(resultJson.toFile());
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("phase", "steady");
        logs.put("loggedPercent", Map.of("all", loggedAll));
        logs.put("bytesPerRequestOf", Map.of("all", bytes));
        logs.put("bytesPerRequest", bytes);
        logs.put("canaryLines", Map.of("ir-canary-password-2e9f4a6b", canaryLines));
        logs.put("secretLines", canaryLines);
        logs.put("cost", Map.of("requestsPerSecond", 1200, "trafficSource", "seed 000 line 1131", "usdPerGb", 0.5,
                "priceSource", "CloudWatch Logs", "gbPerMonth", gb, "usdPerMonth", usd));
        result.set("logs", JSON.valueToTree(logs));
        JSON.writeValue(resultJson.toFile(), result);
        return resultJson;
    }

    @Test
    void theReplayReportShowsWhatWasLoggedAndWhatItCostsWithItsSources() throws IOException {
        Path json = withLogs(RealisticResult.baseline(output), 100, 2_816, 5_850, 8_157.7, 4_078.9);

        String page = Pages.read(HtmlReport.write(json));

        String section = page.substring(page.indexOf("<section id=\"logs\">"), page.indexOf("</section>", page.indexOf("<section id=\"logs\">")));
        assertThat(section).contains("<td>all</td><td class=\"num\">100%</td><td class=\"num\">2,816</td>",
                "Log bytes per request</dt><dd>2,816 B", "Lines holding a canary secret</dt><dd>5,850",
                "8,157.7 GB a month at 1,200 req/s (seed 000 line 1131)", "$4,078.9 a month at $0.5/GB (CloudWatch Logs)");
    }

    @Test
    void aReplayWithoutLogsHasNoSuchSection() {
        assertThat(Pages.read(HtmlReport.write(RealisticResult.baseline(output)))).doesNotContain("<section id=\"logs\">");
    }

    @Test
    void theComparisonPutsTheTwoBillsSideBySide() throws IOException {
        Path baseline = withLogs(RealisticResult.baseline(output), 100, 2_816, 5_850, 8_157.7, 4_078.9);
        Path candidate = withLogs(RealisticResult.candidate(output), 38.5, 140.8, 0, 407.9, 203.9);

        String page = Pages.read(ComparisonReport.write(baseline, candidate, output.resolve("log-explosion")));

        assertThat(page).contains("<section id=\"cost\">",
                "<td>ingestion cost a month</td><td class=\"num\">4,078.9 USD</td><td class=\"num\">203.9 USD</td><td class=\"num\">5.0%</td>",
                "<td>lines holding a canary secret</td><td class=\"num\">5,850</td><td class=\"num\">0</td>");
    }
}
