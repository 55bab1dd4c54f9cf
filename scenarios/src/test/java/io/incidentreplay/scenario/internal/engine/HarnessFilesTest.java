package io.incidentreplay.scenario.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HarnessFilesTest {

    private static final Window RUN = new Window("run", 1_000, 2_000);

    @Test
    void poolExhaustionAtRealTimeIsWarnedOfAndAtTheDefaultScaleIsNot() {
        // 100 req/s; the client waits the 60 s idle timeout plus 5 s, or 6 + 5 s at time scale 0.1
        assertThat(HarnessFiles.warning(100, Duration.ofSeconds(65), 200, 20_000))
                .hasValueSatisfying(w -> assertThat(w).contains("19,700", "20,000", "ulimit -n 30000", "INVALID"));
        assertThat(HarnessFiles.warning(100, Duration.ofSeconds(11), 200, 20_000)).isEmpty();
    }

    @Test
    void aRunThatReachedTheLimitMeasuredTheHarness() {
        Timeline timeline = new Timeline();
        timeline.add(new Sample(1_200, HarnessFiles.SERIES, "harness", 4_000));
        timeline.add(new Sample(1_700, HarnessFiles.SERIES, "harness", 19_990));

        assertThat(HarnessFiles.exhausted(timeline, RUN, 20_000))
                .hasValueSatisfying(reason -> assertThat(reason).contains("19,990", "20,000", "ulimit -n 40000"));
    }

    @Test
    void aRunWellBelowTheLimitOrAPeakOutsideItIsFine() {
        Timeline timeline = new Timeline();
        timeline.add(new Sample(1_200, HarnessFiles.SERIES, "harness", 12_000));
        timeline.add(new Sample(2_500, HarnessFiles.SERIES, "harness", 20_000)); // after the load, in teardown

        assertThat(HarnessFiles.exhausted(timeline, RUN, 20_000)).isEmpty();
        assertThat(HarnessFiles.exhausted(new Timeline(), RUN, 20_000)).as("no samples").isEmpty();
    }

    @Test
    void theProbeRecordsWhatThisProcessHasOpen() {
        Timeline timeline = new Timeline();

        HarnessFiles.probe(HarnessFiles.limit().orElseThrow()).sample(1_500, timeline);

        assertThat(timeline.max(HarnessFiles.SERIES, Timeline.Aggregation.MAX, RUN)).isGreaterThan(3);
    }
}
