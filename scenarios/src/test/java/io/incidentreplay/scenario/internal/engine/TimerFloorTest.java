package io.incidentreplay.scenario.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.ReplayResult.WarmUp;
import io.incidentreplay.scenario.HealthCheck;
import io.incidentreplay.scenario.TimeScale;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerFloorTest {

    private final HealthCheck fiveSeconds = new HealthCheck("/", Duration.ofSeconds(30), Duration.ofSeconds(5), 2, 2, "200");

    private static List<WarmUp> healthCheckP99(long... millis) {
        return java.util.Arrays.stream(millis).mapToObj(p -> new WarmUp("i", 3, 120, 2_000, true, p, p)).toList();
    }

    @Test
    void aTimeoutOfAtLeastThreeTimesTheSlowestInstancesP99Passes() {
        assertThat(TimerFloor.check(fiveSeconds, new TimeScale(0.1), healthCheckP99(40, 166))).isEmpty();
    }

    @Test
    void aShorterOneIsRefusedWithTheSmallestScaleThatWorks() {
        assertThat(TimerFloor.check(fiveSeconds, new TimeScale(0.05), healthCheckP99(40, 90))).hasValue(
                "time scale too small for this machine: the health check's 5,000 ms timeout is 250 ms at time scale 0.05, "
                        + "under 3 x the 90 ms p95 of / on these instances once they were warm; use --time-scale 0.054 or more");
    }
}
