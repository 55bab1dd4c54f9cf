package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path output;

    private static ReplayResult result(String role, Verdict verdict, List<String> reasons) {
        return new ReplayResult(new ReplayResult.IncidentInfo("weather-cascade", "t", "s", "story"), role,
                new ReplayResult.BuildInfo("b.jar", "/b.jar"), new ReplayResult.DatasetInfo("mvp", 20, 42), 0.1, "env", 0, 1,
                verdict, reasons, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), new ReplayResult.Resources(1, 1, 1), null, null, List.of(), null, null);
    }

    @Test
    void everyReplayWithItsVerdictExitCodeAndFilesRelativeToTheSummary() throws Exception {
        List<List<ReplayResult>> runs = List.of(List.of(result("baseline", Verdict.REPRODUCED, List.of()),
                result("candidate", Verdict.FAIL, List.of("fault p99 of dashboard 1,200 ms > 1,000 ms"))));

        Path file = Summary.of(runs, List.of(output), output, 1, null).write(output);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("format").asText()).isEqualTo("incident-replay/summary@1");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("harnessError").isNull()).isTrue();
        JsonNode candidate = json.get("replays").get(1);
        assertThat(candidate.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(candidate.get("exitCode").asInt()).isEqualTo(1);
        assertThat(candidate.get("reasons").get(0).asText()).isEqualTo("fault p99 of dashboard 1,200 ms > 1,000 ms");
        assertThat(candidate.get("result").asText()).isEqualTo("weather-cascade/candidate/result.json");
        assertThat(candidate.get("report").asText()).isEqualTo("weather-cascade/candidate/report.html");
        assertThat(json.get("replays").get(0).get("exitCode").asInt()).isZero();
    }
}
