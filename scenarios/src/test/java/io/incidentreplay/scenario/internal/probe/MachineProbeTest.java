package io.incidentreplay.scenario.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a /proc of our own making, so the arithmetic is checked on numbers we chose. */
class MachineProbeTest {

    @TempDir
    Path proc;

    private void write(long user, long system, long idle, long iowait, long steal, long pressureMicros, int running) throws IOException {
        Files.writeString(proc.resolve("stat"), String.format("cpu  %d 0 %d %d %d 0 0 %d 0 0%ncpu0 1 2 3 4 5 6 7 8 0 0%n"
                + "procs_running %d%nprocs_blocked 0%n", user, system, idle, iowait, steal, running));
        Files.createDirectories(proc.resolve("pressure"));
        Files.writeString(proc.resolve("pressure").resolve("cpu"), "some avg10=1.00 avg60=0.50 avg300=0.10 total=" + pressureMicros
                + "\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
    }

    @Test
    void busyIsEveryNonIdleTickOfTheIntervalStealIncluded() throws Exception {
        MachineProbe probe = new MachineProbe(proc, List::of);
        Timeline timeline = new Timeline();
        write(1_000, 500, 8_000, 500, 0, 0, 1);
        probe.sample(1_000, timeline); // the first round only takes the counters
        assertThat(timeline.samples()).isEmpty();

        // 100 ticks later: 60 user, 10 system, 10 steal, 15 idle, 5 iowait -> 80% busy, 10% steal
        write(1_060, 510, 8_015, 505, 10, 0, 7);
        probe.sample(1_250, timeline);

        Map<String, Double> last = timeline.samples().stream().collect(Collectors.toMap(Sample::series, Sample::value));
        assertThat(last.get(MachineProbe.BUSY)).isEqualTo(80.0);
        assertThat(last.get(MachineProbe.STEAL)).isEqualTo(10.0);
        assertThat(last.get(MachineProbe.RUNNABLE)).isEqualTo(7.0);
        assertThat(last).containsKeys(MachineProbe.PRESSURE, MachineProbe.HARNESS, MachineProbe.BUILD);
        assertThat(last.get(MachineProbe.PRESSURE)).isBetween(0.0, 100.0);
    }

    @Test
    void withoutProcNothingIsRecorded() {
        MachineProbe probe = new MachineProbe(proc.resolve("missing"), List::of);
        Timeline timeline = new Timeline();

        probe.sample(1_000, timeline);
        probe.sample(1_250, timeline);

        assertThat(timeline.samples()).isEmpty();
    }
}
