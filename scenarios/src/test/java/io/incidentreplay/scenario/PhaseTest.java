package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void aScaledPhaseLastsWholeSecondsBecauseGatlingDropsAFraction() {
        Phase fault = Phase.ramp("fault", Duration.ofSeconds(45), 10, 40);

        assertThat(fault.at(new TimeScale(0.1)).duration()).isEqualTo(Duration.ofSeconds(5)); // 4.5 s
        assertThat(fault.at(new TimeScale(0.02)).duration()).isEqualTo(Duration.ofSeconds(1)); // 0.9 s
        assertThat(fault.at(new TimeScale(0.01)).duration()).isEqualTo(Duration.ofSeconds(1)); // 0.45 s, never 0
        assertThat(fault.at(TimeScale.REAL_TIME)).isEqualTo(fault);
    }
}
