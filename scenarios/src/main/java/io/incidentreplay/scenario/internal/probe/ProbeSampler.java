package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.internal.measure.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every probe once per round at a fixed rate (default 2 Hz) into one timeline, each round's
 * readings stamped with the round's start so sources line up exactly.
 */
public final class ProbeSampler implements AutoCloseable {

    private final List<Probe> probes;
    private final Timeline timeline;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "probe-sampler");
        t.setDaemon(true);
        return t;
    });

    public ProbeSampler(List<Probe> probes, Timeline timeline, Duration interval) {
        if (interval.toMillis() > 500) {
            throw new IllegalArgumentException("probes must sample at 2 Hz or faster, but the interval was " + interval);
        }
        this.probes = List.copyOf(probes);
        this.timeline = timeline;
        this.interval = interval;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round now; also used by tests. */
    void round() {
        long at = System.currentTimeMillis();
        for (Probe probe : probes) {
            try {
                probe.sample(at, timeline);
            } catch (RuntimeException e) {
                // a probe that fails loses this reading only; the replay goes on
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
