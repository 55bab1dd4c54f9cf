package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.LatencySummary;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Prints one line of live progress at a fixed interval while the load runs: phase, elapsed and
 * remaining time of the load, and the req/s, p99 and errors of the requests completed since the last
 * line, pool active/pending summed over instances, breakers, healthy targets. Lines, never a
 * redrawn bar, so that a CI log reads like the terminal; every two seconds on a terminal, every five
 * in a log, where nobody watches it live and each line is kept.
 */
final class ProgressPrinter implements AutoCloseable {

    private static final long STALE_MILLIS = 3_000;

    private final PrintStream out;
    private final String label;
    private final RequestLog log;
    private final Timeline timeline;
    private final IntSupplier healthyTargets;
    private final int targets;
    private final long everyMillis = System.console() != null ? 2_000 : 5_000;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replay-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, Window> windows = Map.of();

    ProgressPrinter(PrintStream out, String label, RequestLog log, Timeline timeline, IntSupplier healthyTargets, int targets) {
        this.out = out;
        this.label = label;
        this.log = log;
        this.timeline = timeline;
        this.healthyTargets = healthyTargets;
        this.targets = targets;
    }

    void start(Map<String, Window> phaseWindows) {
        this.windows = phaseWindows;
        scheduler.scheduleAtFixedRate(this::print, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private void print() {
        long now = System.currentTimeMillis();
        // by completion: a request stalled for seconds shows up when it ends, not never
        List<RequestRecord> recent = log.records().stream()
                .filter(r -> r.startMillis() + r.latencyMillis() >= now - everyMillis).toList();
        LatencySummary latency = LatencySummary.of(recent.stream().mapToLong(RequestRecord::latencyMillis).toArray());
        long errors = recent.stream().filter(r -> !r.ok()).count();
        String phase = windows.values().stream()
                .filter(w -> !w.name().equals(Observations.RUN) && w.contains(now))
                .map(Window::name).findFirst().orElse("-");
        out.printf(Locale.US, "[%s] %-9s %s  %5.0f req/s  p99 %,7d ms  errors %5.1f%%  pool %s  breakers %s  healthy %d/%d%n",
                label, phase, clock(now), recent.size() / (everyMillis / 1000.0), latency.p99(),
                recent.isEmpty() ? 0.0 : 100.0 * errors / recent.size(),
                pool(), breakers(), healthyTargets.getAsInt(), targets);
    }

    /** Elapsed and remaining time of the load, e.g. {@code 0:12 (0:22 left)}. */
    private String clock(long now) {
        Window run = windows.get(Observations.RUN);
        if (run == null) {
            return "";
        }
        return minutes(now - run.fromMillis()) + " (" + minutes(Math.max(0, run.toMillis() - now)) + " left)";
    }

    private static String minutes(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * Active/max and pending over every instance, from the newest round every instance answered: a
     * round still being scraped, or one an instance missed, is not a smaller sum. When none answered
     * fully in the last few seconds, the gap shows as such.
     */
    private String pool() {
        long now = System.currentTimeMillis();
        TreeMap<Long, List<Sample>> rounds = timeline.samples().stream()
                .filter(s -> s.series().startsWith("pool.") && s.atMillis() >= now - STALE_MILLIS)
                .collect(Collectors.groupingBy(Sample::atMillis, TreeMap::new, Collectors.toList()));
        List<Sample> complete = rounds.descendingMap().values().stream()
                .filter(round -> round.stream().filter(s -> s.series().equals("pool.max")).count() >= targets)
                .findFirst().orElse(null);
        if (complete == null) {
            return "? (no complete scrape in " + STALE_MILLIS / 1000 + " s)";
        }
        return String.format(Locale.US, "%.0f/%.0f pending %.0f", sum(complete, "pool.active"), sum(complete, "pool.max"),
                sum(complete, "pool.pending"));
    }

    /** {@code closed}, or the breakers not closed, e.g. {@code open:weather@candidate-0 half-open:database@candidate-1}. */
    private String breakers() {
        List<Sample> round = lastRound();
        String notClosed = (inState(round, ".open", "open:") + " " + inState(round, ".halfOpen", "half-open:")).trim();
        return notClosed.isEmpty() ? "closed" : notClosed;
    }

    private static String inState(List<Sample> round, String suffix, String label) {
        return round.stream().filter(s -> s.series().startsWith("breaker.") && s.series().endsWith(suffix) && s.value() >= 1)
                .map(s -> s.series().substring("breaker.".length(), s.series().length() - suffix.length()) + "@" + s.source())
                .distinct().sorted().reduce((a, b) -> a + "," + b).map(s -> label + s).orElse("");
    }

    private List<Sample> lastRound() {
        List<Sample> samples = timeline.samples();
        long last = samples.stream().filter(s -> s.series().startsWith("pool.") || s.series().startsWith("breaker."))
                .map(Sample::atMillis).max(Comparator.naturalOrder()).orElse(-1L);
        return samples.stream().filter(s -> s.atMillis() == last).toList();
    }

    private static double sum(List<Sample> samples, String series) {
        return samples.stream().filter(s -> s.series().equals(series)).mapToDouble(Sample::value).sum();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
