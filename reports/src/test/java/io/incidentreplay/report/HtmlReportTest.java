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

    /** 21 s of the harness against 14 s of the build: 60 %, over the 40 % bound, said as such. */
    @Test
    void the_harnesss_share_of_the_cpu_is_a_fact_of_the_replay_and_a_heavy_one_is_marked() {
        String page = Pages.read(HtmlReport.write(RealisticResult.baseline(output)));

        assertThat(page).contains("<dt>CPU</dt><dd><strong>the harness 60%</strong> of the replay's CPU (21.0 s), "
                + "the build's instances 14.0 s; PostgreSQL not counted — over 40%: the build was measured on the CPU the harness left it");
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
    void the_steady_state_and_control_section_follows_the_verdict() {
        String page = Pages.read(HtmlReport.write(RealisticResult.baseline(output)));

        assertThat(page.indexOf("<section id=\"control\">")).as("right after the verdict, before the charts")
                .isGreaterThan(page.indexOf("<section id=\"verdict\">")).isLessThan(page.indexOf("<section id=\"timeline\">"));
        String control = section(page, "control");
        assertThat(control).contains("Steady state and control",
                "the steady phase just before the fault, in the same replay <small>(a window of this replay)</small>",
                "<code>steady</code>, 5.0 s–13.0 s after the load started (8.0 s)",
                "<dt>Steady state</dt><dd><span class=\"good\">✓ held</span>",
                "<span class=\"good\">✓ none of it held</span> (2 part(s) judged)",
                "Steady state before the fault",
                "steady p99 of all 63 ms &lt;= 100 ms (1,000 ms incident time) <small class=\"margin\">margin 37%</small>",
                "The signature in the control <small>(none of it may hold here)</small>",
                "<span class=\"good\">✓ absent:</span> steady p99 of all requests 63 ms vs &gt; 2,000 ms",
                "After the recovery: did it recover?", "never decides the verdict",
                "<span class=\"bad\">✗</span> recovery min lb.healthy 1 &lt; 3")
                .as("a window control has no control replay to link").doesNotContain("Control replay");
    }

    @Test
    void findings_are_grouped_signature_budgets_steady_state_control_after_recovery_each_with_limit_and_margin() {
        String findings = section(Pages.read(HtmlReport.write(RealisticResult.baseline(output))), "budgets");

        assertThat(findings).containsSubsequence(
                "Signature (what the baseline must show) <small>— decides this verdict</small>",
                "Budgets (what the candidate must meet)",
                "Steady state (must hold in the control, before the fault)",
                "Signature in the control (none of it may hold there)",
                "Steady state after the recovery (did it recover? informational)");
        assertThat(findings).as("expectation, measured, value, limit, margin, result")
                .contains("<th class=\"num\">limit</th><th class=\"num\">margin</th><th>result</th>")
                .contains("<td>fault p99 of all requests &gt; 2,000 ms</td><td>fault p99 of all requests 5,013 ms vs &gt; 2,000 ms"
                        + "</td><td class=\"num\">5,013</td><td class=\"num\">2,000</td><td class=\"num\">151%</td>"
                        + "<td class=\"met\">✓ met</td>")
                .as("a signature part absent from the control is the good outcome")
                .contains("<td class=\"num\">-97%</td><td class=\"met\">✓ absent</td>")
                .as("0% errors is at its bound")
                .contains("<td class=\"num\">0.1</td><td class=\"num\"><span class=\"badge bound\">at its bound</span></td>")
                .as("nothing measured: no margin").contains(">n/a</span></td><td class=\"missed\">✗ not met</td>")
                .doesNotContain("<tr class=\"thin\">");
    }

    @Test
    void a_thin_margin_gets_a_visible_badge_in_the_findings_and_the_reasons() {
        String page = Pages.read(HtmlReport.write(RealisticResult.thinCandidate(output)));

        assertThat(section(page, "budgets")).as("the breaker opened 1.6 s into a 2 s budget: 20% margin")
                .containsPattern("<tr class=\"thin\"><td>breaker open within 2 s of the fault</td>.*"
                        + "<td class=\"num\">20% <span class=\"badge thin\"[^>]*>thin</span></td><td class=\"met\">✓ met</td>");
        assertThat(section(page, "verdict")).containsPattern(
                "<li>breaker weather opened 1.6 s after the fault \\(<span class=\"badge thin\"[^>]*>THIN</span> margin 20%\\)</li>");
        assertThat(Pages.read(HtmlReport.write(RealisticResult.candidate(output)))).as("the 0.6 s breaker is not thin")
                .doesNotContain("<tr class=\"thin\">");
    }

    @Test
    void margins_read_as_the_engine_writes_them() throws IOException {
        Path json = Files.writeString(output.resolve("result.json"), """
                {"format":"incident-replay/result@1","role":"candidate","verdict":"FAIL","findings":[
                 {"kind":"budget","finding":{"expectation":"never","met":false,"measured":"Infinity","limit":1000,
                   "margin":"-Infinity","atBound":false,"thin":false,"reason":"r1"}},
                 {"kind":"budget","finding":{"expectation":"limit 0","met":true,"measured":0,"limit":0,
                   "margin":"NaN","atBound":false,"thin":false,"reason":"r2"}},
                 {"kind":"budget","finding":{"expectation":"close","met":false,"measured":520,"limit":500,
                   "margin":-0.04,"atBound":false,"thin":true,"reason":"r3"}},
                 {"kind":"budget","finding":{"expectation":"older","met":true,"measured":3,"reason":"r4"}},
                 {"kind":"new-kind","finding":{"expectation":"x","met":true,"measured":1,"reason":"r5"}}]}
                """);

        String findings = section(Pages.read(HtmlReport.write(json)), "budgets");

        assertThat(findings).contains("<td class=\"num\">1,000</td><td class=\"num\">−∞</td>")
                .contains("<td class=\"num\">0</td><td class=\"num\"><span class=\"empty\" title=\"undefined")
                .containsPattern("<td class=\"num\">-4% <span class=\"badge thin\"[^>]*>thin</span></td>")
                .as("a finding without a margin (older result)")
                .contains("<td>r4</td><td class=\"num\">3</td><td class=\"num\">&mdash;</td><td class=\"num\">&mdash;</td>")
                .as("an unknown kind comes last under its own name").containsSubsequence("Budgets", "<h3 id=\"findings-new-kind\">new-kind</h3>");
    }

    @Test
    void a_control_replay_is_linked_and_its_report_rendered() {
        Path control = Pages.fixture("pool-exhaustion/baseline-control.json", output);
        Path baseline = Pages.fixture("pool-exhaustion/baseline.json", output);

        String section = section(Pages.read(HtmlReport.write(baseline)), "control");

        assertThat(section).contains("<small>(a second replay without the fault)</small>",
                "<code>steady</code> phase of the control replay, 30.0 s long (in that replay's own time)",
                "<a href=\"../baseline-control/report.html\">the control replay's report</a>",
                "<a href=\"../baseline-control/result.json\">its result.json</a>",
                "<span class=\"good\">✓ held in the control replay</span>", "Steady state in the control replay",
                "steady p99 of all 516 ms &lt;= 1,000 ms (10,000 ms incident time) <small class=\"margin\">margin 48%</small>",
                "<span class=\"good\">✓ absent:</span> steady errors of all 0% &lt; 25%")
                .doesNotContain("not found beside this report");
        Path controlReport = control.resolveSibling("report.html");
        assertThat(controlReport).as("the linked report was rendered").isRegularFile();
        String controlPage = Pages.read(controlReport);
        assertThat(controlPage).as("a control replay that shows none of the signature got the verdict it should")
                .contains("<span class=\"verdict good\">NOT_REPRODUCED</span>",
                        "this is the control replay of pool-exhaustion&#39;s baseline")
                .as("its p99 budgets of 500 ms missed by 4% and 3%: thin")
                .containsPattern("-4% <span class=\"badge thin\"").containsPattern("-3% <span class=\"badge thin\"");
    }

    @Test
    void a_control_replay_that_is_not_there_or_unreadable_is_said_so() throws IOException {
        Path baseline = Pages.fixture("pool-exhaustion/baseline.json", output);

        assertThat(section(Pages.read(HtmlReport.write(baseline)), "control"))
                .contains("href=\"../baseline-control/report.html\"", "(not found beside this report when it was written)");

        Path broken = Files.createDirectories(baseline.resolveSibling("../baseline-control").normalize()).resolve("result.json");
        Files.writeString(broken, "{\"format\":\"incident-replay/result@1\",");
        assertThat(section(Pages.read(HtmlReport.write(baseline)), "control")).as("the baseline's report is still written")
                .contains("(not found beside this report when it was written)");
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
        assertThat(section(page, "machine")).contains("2 cores.", "mean CPU busy reaches 90%", "CPU pressure reaches 80%",
                "<tr><td>fault</td><td class=\"num\">13.0 s–23.0 s</td><td class=\"num\">47.6</td><td class=\"num\">31.9</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">30.5</td><td class=\"num\">15.4</td>"
                        + "<td class=\"num\">3</td><td class=\"met\">✓ no</td></tr>");
    }

    @Test
    void a_saturated_window_is_flagged_and_the_replay_is_invalid() {
        String page = Pages.read(HtmlReport.write(RealisticResult.saturatedBaseline(output)));

        assertThat(section(page, "verdict")).contains(">INVALID<", "An INVALID replay is no verdict about the build",
                "the machine was saturated: fault 96% busy");
        assertThat(section(page, "machine")).contains("<tr><td>fault</td><td class=\"num\">13.0 s–23.0 s</td>"
                + "<td class=\"num\">96</td><td class=\"num\">88</td>", "<td class=\"missed\">✗ saturated</td>");
        assertThat(max(Pages.chartData(page).get("charts").get(7).get("series").get(0))).isEqualTo(96.0);
    }

    @Test
    void a_steady_state_that_did_not_hold_withholds_the_fault() {
        String page = Pages.read(HtmlReport.write(RealisticResult.notSteadyBaseline(output)));

        assertThat(section(page, "control")).contains("<span class=\"bad\">✗ did not hold</span> — the fault was withheld"
                + " — the replay is INVALID", "<span class=\"bad\">✗</span> steady p99 of all 1,250 ms &gt; 100 ms");
        assertThat(section(page, "faults")).contains("<td>withheld: not steady before the fault: steady p99 of all 1,250 ms")
                .doesNotContain("Did each fault take effect?");
        JsonNode data = Pages.chartData(page);
        assertThat(data.get("faults")).as("nothing applied, nothing shaded").isEmpty();
        assertThat(data.get("signals")).extracting(s -> s.get("label").asText())
                .singleElement().asString().startsWith("withheld: not steady before the fault");
    }

    @Test
    void warm_up_lists_each_instance() {
        String warmUp = section(Pages.read(HtmlReport.write(RealisticResult.baseline(output))), "warm-up");

        assertThat(warmUp).contains("before the load balancer registered it",
                "<tr><td>i3</td><td class=\"num\">4</td><td class=\"num\">160</td><td class=\"num\">2.8 s</td>"
                        + "<td class=\"met\">✓ settled</td><td class=\"num\">48</td><td class=\"num\">73</td></tr>");
    }

    @Test
    void a_result_written_before_steady_state_control_margins_and_machine_still_renders() {
        String page = Pages.read(HtmlReport.write(RealisticResult.legacyBaseline(output)));

        assertThat(page).contains(">REPRODUCED<", "fault p99 of all requests 5,013 ms &gt; budget 500 ms");
        assertThat(section(page, "control")).contains("<p class=\"empty\">Not recorded: this result was written before");
        assertThat(section(page, "machine")).contains("<p class=\"empty\">Not recorded: this result was written before");
        assertThat(section(page, "warm-up")).contains("No warm-up was recorded.");
        assertThat(section(page, "budgets")).as("no margins recorded: dashes, no badges")
                .contains("<td class=\"num\">5,013</td><td class=\"num\">&mdash;</td><td class=\"num\">&mdash;</td>")
                .doesNotContain("<tr class=\"thin\">", "badge bound\">at its bound</span></td>")
                .doesNotContain("Steady state (must hold");
        assertThat(Pages.chartData(page).get("charts")).as("no machine samples, no machine chart")
                .extracting(c -> c.get("id").asText()).doesNotContain("machine").hasSize(7);
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

    /** One {@code <section id="...">} of the page, so an assertion cannot match another section's text. */
    private static String section(String page, String id) {
        int from = page.indexOf("<section id=\"" + id + "\">");
        assertThat(from).as("the page has a section #" + id).isNotNegative();
        return page.substring(from, page.indexOf("</section>", from));
    }

    private static double max(JsonNode series) {
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode p : series.get("points")) {
            max = Math.max(max, p.get(1).asDouble());
        }
        return max;
    }
}
