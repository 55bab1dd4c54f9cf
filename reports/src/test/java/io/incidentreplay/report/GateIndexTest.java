package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.report.testsupport.Pages;
import io.incidentreplay.report.testsupport.RealisticResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateIndexTest {

    @TempDir
    Path output;

    @Test
    void lists_every_replay_with_its_verdict_and_relative_links() {
        Path baseline = RealisticResult.baseline(output);
        Path candidate = RealisticResult.candidate(output);
        ComparisonReport.write(baseline, candidate, output.resolve("weather-cascade"));
        Path incomplete = Pages.fixture("incomplete.json", output);

        String page = Pages.read(GateIndex.write(List.of(candidate, incomplete, baseline), output));

        assertThat(page).contains("GATE FAILS", "1 of 3 replay(s) did not get the verdict",
                "href=\"weather-cascade/baseline/report.html\"", "href=\"weather-cascade/candidate/result.json\"",
                "href=\"weather-cascade/comparison.html\"", "href=\"incomplete/report.html\"", ">INCOMPLETE<");
        assertThat(page.indexOf("pool-exhaustion")).as("incidents sorted by id").isLessThan(page.indexOf("weather-cascade"));
        assertThat(page.indexOf("weather-cascade/baseline/report.html"))
                .as("baseline before candidate").isLessThan(page.indexOf("weather-cascade/candidate/report.html"));
        assertThat(incomplete.resolveSibling("report.html")).as("missing reports are rendered").isRegularFile();
    }

    @Test
    void passes_when_every_role_got_its_verdict() {
        String page = Pages.read(GateIndex.write(
                List.of(RealisticResult.baseline(output), RealisticResult.candidate(output)), output));

        assertThat(page).contains("GATE PASSES").doesNotContain("GATE FAILS");
    }

    @Test
    void a_control_replay_that_shows_none_of_the_signature_got_the_verdict_its_role_needs() {
        Path baseline = Pages.fixture("pool-exhaustion/baseline.json", output);
        Path control = Pages.fixture("pool-exhaustion/baseline-control.json", output);

        String page = Pages.read(GateIndex.write(List.of(baseline, control), output));

        assertThat(page).contains("GATE PASSES", "<td>baseline-control</td>", "<span class=\"verdict good\">NOT_REPRODUCED</span>",
                "href=\"pool-exhaustion/baseline-control/report.html\"");
    }

    @Test
    void refuses_an_empty_run() {
        assertThatThrownBy(() -> GateIndex.write(List.of(), output)).isInstanceOf(ReportException.class)
                .hasMessageContaining("no result files given");
    }
}
