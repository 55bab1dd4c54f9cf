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
        assertThat(page).as("windows are the columns").contains("<th>metric</th><th class=\"num\">warm-up</th>"
                + "<th class=\"num\">steady</th><th class=\"num\">fault</th><th class=\"num\">recovery</th><th class=\"num\">run</th>");
        assertThat(page).as("fault p99: 5,013 ms -> 212 ms is 4,801 ms (96 %) better")
                .contains("<td class=\"num better\">5,013 → 212<br><small>-4,801 (-96 %)</small></td>");
        assertThat(page).as("fewest healthy targets in the fault: 1 -> 3 is better")
                .contains("<td class=\"num better\">1 → 3<br><small>+2 (+200 %)</small></td>");
        assertThat(page).as("more fallbacks is worse").contains("<td class=\"num worse\">0 → 95.7<br><small>+95.7</small></td>");
        assertThat(baseline.resolveSibling("report.html")).as("the linked reports were rendered").isRegularFile();
        JsonNode latency = Pages.chartData(page).get("charts").get(1).get("series");
        assertThat(latency).extracting(s -> s.get("run").asText() + " " + s.get("key").asText())
                .containsExactly("baseline p50", "baseline p99", "candidate p50", "candidate p99");
        JsonNode phases = Pages.chartData(page).get("phases");
        assertThat(phases).as("identical schedules are marked once, not once per run").hasSize(5);
        assertThat(phases.get(2).get("run").isNull()).isTrue();
        assertThat(latency.get(3).get("points").get(0).get(0).asDouble()).as("relative axis: seconds since load start")
                .isEqualTo(0.0);
    }

    @Test
    void the_machine_chart_overlays_both_runs_and_an_older_result_still_compares() {
        Path candidate = RealisticResult.candidate(output);
        Path incident = output.resolve("weather-cascade");

        JsonNode both = Pages.chartData(Pages.read(ComparisonReport.write(RealisticResult.baseline(output), candidate, incident)));
        JsonNode machine = both.get("charts").get(7);
        assertThat(machine.get("id").asText()).isEqualTo("machine");
        assertThat(machine.get("series")).extracting(s -> s.get("label").asText()).containsExactly(
                "baseline machine.cpu.busy", "baseline machine.cpu.pressure", "baseline harness.cpu", "baseline build.cpu",
                "candidate machine.cpu.busy", "candidate machine.cpu.pressure", "candidate harness.cpu", "candidate build.cpu");
        assertThat(machine.get("levels")).as("both runs' levels are the same two lines").hasSize(2);

        String page = Pages.read(ComparisonReport.write(RealisticResult.legacyBaseline(output), candidate, incident));
        assertThat(page).contains(">REPRODUCED<", ">PASS<");
        JsonNode charts = Pages.chartData(page).get("charts");
        assertThat(charts).extracting(c -> c.get("id").asText())
                .containsExactly("throughput", "latency", "errors", "pool", "database", "breaker", "targets", "machine");
        assertThat(charts.get(7).get("series")).as("charts are matched by id: only the candidate recorded the machine")
                .extracting(s -> s.get("run").asText()).containsOnly("candidate");
        assertThat(charts.get(1).get("series")).extracting(s -> s.get("run").asText())
                .containsExactly("baseline", "baseline", "candidate", "candidate");
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
