package io.incidentreplay.scenario.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.ReplayResult.MachineWindow;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.probe.MachineProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineGuardTest {

    private final Timeline timeline = new Timeline();

    private void round(long at, double busy, double pressure) {
        timeline.add(new Sample(at, MachineProbe.BUSY, "machine", busy));
        timeline.add(new Sample(at, MachineProbe.PRESSURE, "machine", pressure));
        timeline.add(new Sample(at, MachineProbe.HARNESS, "machine", 20));
        timeline.add(new Sample(at, MachineProbe.BUILD, "machine", 15));
    }

    @Test
    void aWindowIsSaturatedByItsMeanNotByOneBusyRound() {
        for (long at = 0; at < 10_000; at += 250) {
            round(at, at == 5_000 ? 100 : 45, at == 5_000 ? 100 : 25); // one JIT burst
            round(10_000 + at, 97, 99);                                // CPU burners beside the replay
        }
        List<MachineWindow> loads = MachineGuard.loads(timeline,
                List.of(new Window("steady", 0, 10_000), new Window("fault", 10_000, 20_000)));

        assertThat(loads.get(0).saturated()).isFalse();
        assertThat(loads.get(1).saturated()).isTrue();
        assertThat(MachineGuard.saturated(loads)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("the machine was saturated: fault 97% busy, 99% CPU pressure (harness 20%, build 15%)")
                .contains("this measures the machine, not the build"));
    }

    @Test
    void aMachineThatOfferedNoReadingIsNotJudged() {
        List<MachineWindow> loads = MachineGuard.loads(timeline, List.of(new Window("steady", 0, 10_000)));

        assertThat(loads.get(0).busyPercent()).isNaN();
        assertThat(MachineGuard.saturated(loads)).isEmpty();
    }
}
