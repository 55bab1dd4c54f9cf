package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.ReplayResult.MachineWindow;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.probe.MachineProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the machine, not the build, was the bottleneck in a judged window. On two cores the
 * harness, the build's instances and PostgreSQL share the CPU: when it is saturated, every latency
 * includes the wait for a core, health checks and breaker windows at a compressed time scale are
 * missed for that reason alone, and a verdict about the build would be a verdict about the machine.
 *
 * <p>Saturated means, averaged over the window (sampled every 250–500 ms):
 * <ul>
 *   <li>CPU busy (steal included) at least {@value #BUSY_PERCENT}%: less than a tenth of the
 *       machine idle, so a thread that wakes up waits for a core more often than not; or
 *   <li>CPU pressure (Linux PSI "some") at least {@value #PRESSURE_PERCENT}%: during four fifths of
 *       the window at least one runnable thread was waiting for a core.
 * </ul>
 * Measured on the 2-core reference machine with nothing else running, the gate's replays use
 * 18–61% busy and 11–50% pressure in their judged windows (the heaviest, pool-exhaustion's
 * baseline, 61% / 49%); two CPU burners per core beside a replay push both to 98–100%. The bounds sit
 * well above the first and below the second.
 */
final class MachineGuard {

    static final double BUSY_PERCENT = 90;
    static final double PRESSURE_PERCENT = 80;

    private MachineGuard() {}

    /** The load in each window, in the order given. */
    static List<MachineWindow> loads(Timeline timeline, List<Window> windows) {
        List<MachineWindow> loads = new ArrayList<>();
        for (Window w : windows) {
            double busy = mean(timeline, MachineProbe.BUSY, w);
            double pressure = mean(timeline, MachineProbe.PRESSURE, w);
            boolean saturated = busy >= BUSY_PERCENT || pressure >= PRESSURE_PERCENT;
            loads.add(new MachineWindow(w.name(), busy, pressure, mean(timeline, MachineProbe.STEAL, w),
                    mean(timeline, MachineProbe.HARNESS, w), mean(timeline, MachineProbe.BUILD, w), saturated));
        }
        return loads;
    }

    /** Why the replay measured the machine, naming each saturated window with its numbers; empty when none was. */
    static Optional<String> saturated(List<MachineWindow> loads) {
        List<String> windows = loads.stream().filter(MachineWindow::saturated)
                .map(l -> String.format(Locale.US, "%s %.0f%% busy, %.0f%% CPU pressure (harness %.0f%%, build %.0f%%)",
                        l.window(), l.busyPercent(), l.pressurePercent(), l.harnessPercent(), l.buildPercent()))
                .toList();
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the machine was saturated: " + String.join("; ", windows) + " (saturated: >= "
                + (int) BUSY_PERCENT + "% busy or >= " + (int) PRESSURE_PERCENT
                + "% pressure over the window); this measures the machine, not the build. Run it with nothing else on "
                + "the machine, or with fewer instances or a lower rate");
    }

    private static double mean(Timeline timeline, String series, Window window) {
        return timeline.samples().stream()
                .filter(s -> s.series().equals(series) && window.contains(s.atMillis()))
                .mapToDouble(Sample::value).average().orElse(Double.NaN);
    }
}
