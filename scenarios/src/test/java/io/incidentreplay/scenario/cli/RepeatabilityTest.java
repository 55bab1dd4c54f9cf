package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.Finding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatabilityTest {

    @TempDir
    Path dir;

    private static ReplayResult result(String role, Verdict verdict, double measured) {
        Finding errors = new Finding("fault 5xx of dashboard > 50%", measured > 50, measured, 50, (measured - 50) / 50, false,
                "fault 5xx of dashboard " + measured + "% > 50%");
        return new ReplayResult(new ReplayResult.IncidentInfo("weather-cascade", "t", "s", "story"), role,
                new ReplayResult.BuildInfo("b.jar", "/b.jar"), new ReplayResult.DatasetInfo("mvp", 20, 42), 0.1, "env", 0, 1,
                verdict, List.of(), List.of(new JudgedFinding("signature", errors)), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), new ReplayResult.Resources(1, 1, 1), null, null, List.of(), null, null);
    }

    @Test
    void countsEachVerdictAndSpreadsEachFindingOverTheRuns() throws Exception {
        Repeatability summary = Repeatability.of(List.of(
                List.of(result("baseline", Verdict.REPRODUCED, 76)),
                List.of(result("baseline", Verdict.NOT_REPRODUCED, 48)),
                List.of(result("baseline", Verdict.REPRODUCED, 78))));

        Repeatability.Replay replay = summary.replays().get(0);
        assertThat(replay.unexpected()).isEqualTo(1);
        Repeatability.Spread spread = replay.findings().get(0);
        assertThat(spread.met()).isEqualTo(2);
        assertThat(spread.runs()).isEqualTo(3);
        assertThat(List.of(spread.min(), spread.median(), spread.max())).containsExactly(48.0, 76.0, 78.0);
        assertThat(spread.smallestMargin()).isEqualTo(-0.04);
        assertThat(spread.thin()).isEqualTo(1);
        assertThat(replay.results()).containsExactly("repeat-01/weather-cascade/baseline/result.json",
                "repeat-02/weather-cascade/baseline/result.json", "repeat-03/weather-cascade/baseline/result.json");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        summary.print(new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("REPRODUCED 2/3, NOT_REPRODUCED 1/3   <- 1 unexpected (expected REPRODUCED)")
                .contains("min/median/max 48 / 76 / 78");

        JsonNode json = new ObjectMapper().readTree(summary.write(dir).toFile());
        assertThat(json.get("format").asText()).isEqualTo("incident-replay/repeatability@1");
        assertThat(json.at("/replays/0/verdicts/REPRODUCED").asInt()).isEqualTo(2);
    }
}
