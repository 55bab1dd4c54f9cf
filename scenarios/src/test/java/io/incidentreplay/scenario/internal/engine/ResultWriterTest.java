package io.incidentreplay.scenario.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.report.HtmlReport;
import io.incidentreplay.scenario.ReplayResult.BuildInfo;
import io.incidentreplay.scenario.ReplayResult.DatasetInfo;
import io.incidentreplay.scenario.ReplayResult.IncidentInfo;
import io.incidentreplay.scenario.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;

class ResultWriterTest {

    @TempDir
    Path dir;

    private ReplayResult incomplete(String note) {
        return new ReplayResult(new IncidentInfo("weather-cascade", "t", "seed", "story"), "baseline",
                new BuildInfo("petforce-before.jar", "/x/petforce-before.jar"), new DatasetInfo("mvp", 20, 42), 0.1,
                "embedded PostgreSQL", 1_000, 2_000, Verdict.INCOMPLETE, List.of("interrupted"), List.of(),
                List.of(new Window("run", 1_000, 2_000)), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                List.of(note), new ReplayResult.Resources(1_000, 10, 20),
                new ReplayResult.ControlInfo("none", "the steady phase", null, null, List.of(), null, "the load never started"),
                new ReplayResult.MachineInfo(2, true, 90, 80, List.of()), List.of(), null, null);
    }

    @Test
    void writesTheVersionedFormatThatTheReportsRead() throws IOException {
        Path json = ResultWriter.write(incomplete("nothing secret"), dir);

        assertThat(Files.readString(json)).contains("\"format\" : \"" + ReplayResult.FORMAT + "\"");
        assertThat(HtmlReport.write(json)).exists();
    }

    @Test
    void noCredentialReachesTheResultFile() throws IOException {
        Path json = ResultWriter.write(incomplete(
                "instance log: Authorization: Bearer pft_0123456789abcdef, DB_URL=jdbc:postgresql://app:s3cret@db:5432/p"), dir);

        String written = Files.readString(json);
        assertThat(written).doesNotContain("pft_0123456789abcdef").doesNotContain("s3cret");
    }
}
