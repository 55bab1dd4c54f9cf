package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentreplay.report.testsupport.Pages;
import io.incidentreplay.report.testsupport.RealisticResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path output;

    @Test
    void writes_a_self_contained_report_next_to_the_result() {
        Path json = RealisticResult.baseline(output);

        Path html = HtmlReport.write(json);

        assertThat(html).isEqualTo(json.toAbsolutePath().resolveSibling("report.html"));
        String page = Pages.read(html);
        assertThat(page).as("no external resources")
                .doesNotContainPattern("(?i)<(script|img|link|iframe)[^>]+(src|href)=\"?(https?:)?//")
                .doesNotContain("@import", "url(http")
                .contains("Content-Security-Policy", "default-src 'none'");
        assertThat(page).as("Chart.js and the annotation plugin inlined with their license headers")
                .contains("Chart.js v4.5.1", "chartjs-plugin-annotation v3.1.0", "Released under the MIT License");
        assertThat(page).as("story, build, dataset, time scale, environment, verdict, Gatling link")
                .contains("The weather API answered in 47 s instead of 200 ms", "petforce-before-1.4.2.jar",
                        "ci, 20,000 pets, random seed 7342113", "0.1 (every timer multiplied by 0.1",
                        "embedded PostgreSQL 16.13", ">REPRODUCED<", "fault p99 of all requests 5,013 ms &gt; budget 500 ms",
                        "href=\"gatling/weathercascade-baseline-20261123/index.html\"", "@media print");
    }

    @Test
    void charts_get_all_seven_series_sets_the_machine_the_fault_window_and_every_phase_boundary() {
        String page = Pages.read(HtmlReport.write(RealisticResult.baseline(output)));

        JsonNode data = Pages.chartData(page);

        assertThat(data.get("charts")).extracting(c -> c.get("id").asText())
                .containsExactly("throughput", "latency", "errors", "pool", "database", "breaker", "targets", "machine");
        JsonNode fault = data.get("faults").get(0);
        assertThat(fault.get("from").asDouble()).as("toxic applied 13.012 s after load start").isCloseTo(13.012, within(1e-9));
        assertThat(fault.get("to").asDouble()).as("toxic removed").isCloseTo(23.008, within(1e-9));
        assertThat(data.get("phases")).extracting(p -> p.get("label").asText() + "@" + p.get("at").asDouble())
                .containsExactly("warm-up@0.0", "steady@5.0", "fault@13.0", "recovery@23.0", "end@30.0");
        JsonNode pool = data.get("charts").get(3).get("series");
        assertThat(pool.get(2).get("label").asText()).isEqualTo("pool.pending");
        assertThat(max(pool.get(2))).as("pending summed over the three instances").isEqualTo(120.0);
        JsonNode errors = data.get("charts").get(2).get("series");
        assertThat(errors).extracting(s -> s.get("label").asText()).containsExactly("503", "504");
    }

    @Test
    void an_incomplete_result_still_renders_what_is_there() {
        Path html = HtmlReport.write(Pages.fixture("incomplete.json", output));

        String page = Pages.read(html);
        assertThat(page).contains(">INCOMPLETE<", "interrupted (Ctrl-C) 4.1 s into the load", "The replay did not finish",
                "No Gatling report", "No request statistics were recorded", "No expectation was judged");
        JsonNode pool = Pages.chartData(page).get("charts").get(3).get("series").get(0);
        assertThat(pool.get("points").get(1).get(1).asDouble()).as("pool.active of i1 + i2 at the second sample").isEqualTo(9.0);
    }

    @Test
    void redacts_secrets_and_escapes_markup_from_every_string() {
        String page = Pages.read(HtmlReport.write(Pages.fixture("secrets.json", output)));

        assertThat(page).as("no secret survives")
                .doesNotContain("Hunter2Secret", "ProxyPass99", "eyJhbGciOiJIUzI1NiJ9", "YWRtaW46SHVudGVy")
                .contains("jdbc:postgresql://petforce:[REDACTED]@db.internal", "password=[REDACTED]");
        assertThat(page).as("markup from the JSON is text, never elements")
                .doesNotContain("<script>alert('title')", "<img src=x onerror")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
        assertThat(page).as("a javascript: 'Gatling report' is not linked").doesNotContain("href=\"javascript:");
        assertThat(page.split("</script>", -1)).as("only the page's own five script elements close")
                .hasSize(6);
    }

    @Test
    void the_machine_chart_draws_busy_pressure_harness_and_build_with_the_saturation_levels() {
        String page = Pages.read(HtmlReport.write(RealisticResult.baseline(output)));

        JsonNode machine = Pages.chartData(page).get("charts").get(7);
        assertThat(machine.get("id").asText()).isEqualTo("machine");
        assertThat(machine.get("title").asText()).isEqualTo("Machine CPU (2 cores)");
        assertThat(machine.get("series")).as("steal stays off the chart while the machine had none; runnable is a count")
                .extracting(s -> s.get("label").asText())
                .containsExactly("machine.cpu.busy", "machine.cpu.pressure", "harness.cpu", "build.cpu");
        assertThat(machine.get("levels")).extracting(l -> l.get("value").asDouble() + " " + l.get("label").asText())
                .containsExactly("90.0 saturated: busy ≥ 90%", "80.0 saturated: pressure ≥ 80%");
        assertThat(machine.get("max").asDouble()).isEqualTo(100.0);
        JsonNode busy = machine.get("series").get(0).get("points");
        assertThat(busy.get(0).get(0).asDouble()).as("a second before the load start").isEqualTo(-1.0);
        assertThat(busy.get(0).get(1).asDouble()).as("harness 18 + build 14 + 5 other").isEqualTo(37.0);
        assertThat(max(machine.get("series").get(0))).as("busiest in the fault").isEqualTo(50.0);
    }

    @Test
    void a_result_without_machine_samples_has_no_machine_chart() {
        String page = Pages.read(HtmlReport.write(RealisticResult.legacyBaseline(output)));

        assertThat(Pages.chartData(page).get("charts")).extracting(c -> c.get("id").asText())
                .doesNotContain("machine").hasSize(7);
    }

    @Test
    void a_missing_result_says_which_file() {
        Path missing = output.resolve("nope/result.json");
        assertThatThrownBy(() -> HtmlReport.write(missing)).isInstanceOf(ReportException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void a_truncated_result_is_reported_as_invalid_json() throws IOException {
        Path json = Files.writeString(output.resolve("result.json"), "{\"format\":\"incident-replay/result@1\",\"verdict\":");
        assertThatThrownBy(() -> HtmlReport.write(json)).isInstanceOf(ReportException.class)
                .hasMessageContaining(json.toString()).hasMessageContaining("is not valid JSON");
    }

    @Test
    void an_unknown_format_names_the_supported_ones() throws IOException {
        Path json = Files.writeString(output.resolve("result.json"),
                "{\"format\":\"incident-replay/result@2\",\"verdict\":\"PASS\",\"role\":\"candidate\"}");
        assertThatThrownBy(() -> HtmlReport.write(json)).isInstanceOf(ReportException.class)
                .hasMessageContaining(json.toString())
                .hasMessageContaining("\"incident-replay/result@2\"")
                .hasMessageContaining("supported formats: [incident-replay/result@1]");
    }

    @Test
    void a_result_without_format_or_verdict_is_refused() throws IOException {
        Path noFormat = Files.writeString(output.resolve("a.json"), "{\"verdict\":\"PASS\",\"role\":\"candidate\"}");
        assertThatThrownBy(() -> HtmlReport.write(noFormat)).hasMessageContaining("has no \"format\" field");
        Path noVerdict = Files.writeString(output.resolve("b.json"), "{\"format\":\"incident-replay/result@1\",\"role\":\"x\"}");
        assertThatThrownBy(() -> HtmlReport.write(noVerdict)).hasMessageContaining("has no \"verdict\"");
        Path array = Files.writeString(output.resolve("c.json"), "[]");
        assertThatThrownBy(() -> HtmlReport.write(array)).hasMessageContaining("is not a JSON object");
    }

    private static double max(JsonNode series) {
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode p : series.get("points")) {
            max = Math.max(max, p.get(1).asDouble());
        }
        return max;
    }
}
