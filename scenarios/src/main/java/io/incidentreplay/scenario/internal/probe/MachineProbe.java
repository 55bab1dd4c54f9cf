package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Samples the machine the replay runs on, so that a verdict can tell the build's latency from the
 * machine's: on two cores the harness, the build's instances and PostgreSQL share the CPU, and a
 * starved instance misses compressed health checks for reasons that have nothing to do with its
 * code. Each round records, over the time since the previous round, in percent of the whole
 * machine's CPU time (all cores) unless said otherwise:
 * <ul>
 *   <li>{@code machine.cpu.busy}: every non-idle state of {@code /proc/stat}, steal included (a
 *       hypervisor that takes the CPU away starves the build just the same);
 *   <li>{@code machine.cpu.steal}: the part of it the hypervisor took;
 *   <li>{@code machine.cpu.pressure}: share of wall time in which at least one runnable thread
 *       waited for a CPU ({@code /proc/pressure/cpu} "some", Linux PSI), where the kernel has it;
 *   <li>{@code machine.runnable}: threads runnable at the moment of the round ({@code procs_running});
 *   <li>{@code harness.cpu} and {@code build.cpu}: what the harness JVM and the build's instances used.
 * </ul>
 * The first round only takes the starting counters. Where {@code /proc} is missing (not Linux) the
 * probe records nothing, and the machine guard says so instead of judging.
 */
public final class MachineProbe implements Probe {

    public static final String BUSY = "machine.cpu.busy";
    public static final String STEAL = "machine.cpu.steal";
    public static final String PRESSURE = "machine.cpu.pressure";
    public static final String RUNNABLE = "machine.runnable";
    public static final String HARNESS = "harness.cpu";
    public static final String BUILD = "build.cpu";

    private static final String SOURCE = "machine";

    private final Path proc;
    private final Supplier<List<Long>> buildPids;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private Counters previous;

    /** @param buildPids the build's instance processes, asked each round since instances come and go */
    public MachineProbe(Supplier<List<Long>> buildPids) {
        this(Path.of("/proc"), buildPids);
    }

    MachineProbe(Path proc, Supplier<List<Long>> buildPids) {
        this.proc = proc;
        this.buildPids = buildPids;
    }

    /** Whether this machine has the counters the probe reads. */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    @Override
    public void sample(long atMillis, Timeline timeline) {
        Optional<Counters> now = read();
        if (now.isEmpty()) {
            return;
        }
        Counters before = previous;
        previous = now.get();
        if (before == null) {
            return;
        }
        Counters after = now.get();
        long ticks = after.totalTicks - before.totalTicks;
        long wallNanos = after.nanoTime - before.nanoTime;
        if (ticks <= 0 || wallNanos <= 0) {
            return;
        }
        add(timeline, atMillis, BUSY, 100.0 * (after.busyTicks - before.busyTicks) / ticks);
        add(timeline, atMillis, STEAL, 100.0 * (after.stealTicks - before.stealTicks) / ticks);
        if (after.pressureMicros >= 0 && before.pressureMicros >= 0) {
            add(timeline, atMillis, PRESSURE,
                    Math.min(100.0, 100.0 * (after.pressureMicros - before.pressureMicros) * 1_000 / wallNanos));
        }
        add(timeline, atMillis, RUNNABLE, after.runnable);
        double capacityNanos = (double) wallNanos * cores;
        add(timeline, atMillis, HARNESS, 100.0 * (after.harnessCpu.toNanos() - before.harnessCpu.toNanos()) / capacityNanos);
        add(timeline, atMillis, BUILD, 100.0 * Math.max(0, after.buildCpu.toNanos() - before.buildCpu.toNanos()) / capacityNanos);
    }

    private static void add(Timeline timeline, long at, String series, double value) {
        timeline.add(new Sample(at, series, SOURCE, Math.max(0, value)));
    }

    /** One reading of every counter; a build CPU that went down (an instance exited) counts as no use. */
    private record Counters(long nanoTime, long totalTicks, long busyTicks, long stealTicks, long pressureMicros,
            int runnable, Duration harnessCpu, Duration buildCpu) {}

    private Optional<Counters> read() {
        try {
            long nanoTime = System.nanoTime();
            List<String> stat = Files.readAllLines(proc.resolve("stat"));
            long[] cpu = cpuLine(stat.get(0));
            long total = 0;
            for (long field : cpu) {
                total += field;
            }
            long idle = cpu[3] + cpu[4]; // idle + iowait: waiting on a disk is not using the CPU
            long steal = cpu.length > 7 ? cpu[7] : 0;
            int runnable = stat.stream().filter(l -> l.startsWith("procs_running "))
                    .mapToInt(l -> Integer.parseInt(l.substring("procs_running ".length()).trim())).findFirst().orElse(0);
            return Optional.of(new Counters(nanoTime, total, total - idle, steal, pressureMicros(), runnable,
                    cpuOf(ProcessHandle.current()), buildCpu()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}; guest time is already in user. */
    private static long[] cpuLine(String line) {
        String[] fields = line.trim().split("\\s+");
        int count = Math.min(fields.length - 1, 8);
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = Long.parseLong(fields[i + 1]);
        }
        return values;
    }

    /** PSI's cumulative "some" stall time in microseconds, or -1 where the kernel has no PSI. */
    private long pressureMicros() {
        Path pressure = proc.resolve("pressure").resolve("cpu");
        try {
            for (String line : Files.readAllLines(pressure)) {
                if (line.startsWith("some ")) {
                    int at = line.indexOf("total=");
                    return at < 0 ? -1 : Long.parseLong(line.substring(at + "total=".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private Duration buildCpu() {
        Duration sum = Duration.ZERO;
        for (long pid : buildPids.get()) {
            sum = sum.plus(ProcessHandle.of(pid).map(MachineProbe::cpuOf).orElse(Duration.ZERO));
        }
        return sum;
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
