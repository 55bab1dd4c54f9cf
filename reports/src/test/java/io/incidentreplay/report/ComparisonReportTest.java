package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentreplay.report.testsupport.Pages;
import io.incidentreplay.report.testsupport.RealisticResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

    @TempDir
    Path output;

    @Test
    void puts_both_runs_on_one_axis_with_deltas_and_links_to_both_reports() {
        Path baseline = RealisticResult.baseline(output);
        Path candidate = RealisticResult.candidate(output);
        Path incident = output.resolve("weather-cascade");

        Path html = ComparisonReport.write(baseline, candidate, incident);

        assertThat(html).isEqualTo(incident.toAbsolutePath().resolve("comparison.html"));
        String page = Pages.read(html);
        assertThat(page).contains(">REPRODUCED<", ">PASS<", "href=\"baseline/report.html\"", "href=\"candidate/report.html\"");
        assertThat(page).as("fault p99: 5,013 ms -> 212 ms, 4,801 ms (96 %) better")
                .containsPattern("<td>fault</td><td>p99 ms</td><td class=\"num\">5,013</td><td class=\"num\">212</td>"
                        + "<td class=\"num better\">-4,801 \\(-96 %\\)</td>");
        assertThat(page).as("fewest healthy targets in the fault: 1 -> 3 is better")
                .containsPattern("<td>fault</td><td>fewest healthy targets</td><td class=\"num\">1</td><td class=\"num\">3</td>"
                        + "<td class=\"num better\">\\+2");
        assertThat(baseline.resolveSibling("report.html")).as("the linked reports were rendered").isRegularFile();
        JsonNode latency = Pages.chartData(page).get("charts").get(1).get("series");
        assertThat(latency).extracting(s -> s.get("run").asText() + " " + s.get("key").asText())
                .containsExactly("baseline p50", "baseline p99", "candidate p50", "candidate p99");
        assertThat(latency.get(3).get("points").get(0).get(0).asDouble()).as("relative axis: seconds since load start")
                .isEqualTo(0.0);
    }

    @Test
    void refuses_results_of_two_different_incidents() {
        Path baseline = RealisticResult.baseline(output);
        Path other = Pages.fixture("incomplete.json", output);

        assertThatThrownBy(() -> ComparisonReport.write(baseline, other, output)).isInstanceOf(ReportException.class)
                .hasMessageContaining("different incidents").hasMessageContaining("'weather-cascade'")
                .hasMessageContaining("'pool-exhaustion'");
    }
}
