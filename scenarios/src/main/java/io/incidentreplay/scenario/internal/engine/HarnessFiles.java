package io.incidentreplay.scenario.internal.engine;

import com.sun.management.UnixOperatingSystemMXBean;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.probe.Probe;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The harness's own open-files limit. Each request in flight holds three sockets in the harness (the
 * load generator's, and the load balancer's from the client and to the target), so a replay at real
 * time that stalls thousands of requests for a minute can use them all up. From then on the harness
 * itself refuses and drops connections and counts them as the build's errors: the numbers measure the
 * harness, and the replay is INVALID. Measured: pool-exhaustion at time scale 1 holds about 6,500
 * requests and reached a 20,000 limit.
 */
final class HarnessFiles {

    static final String SERIES = "harness.open_files";
    /** Sampled at 2-4 Hz, so a run that came this close has almost surely been at the limit. */
    static final double EXHAUSTED_SHARE = 0.95;
    static final int SOCKETS_PER_REQUEST_IN_FLIGHT = 3;
    /** The estimate leaves out the fault proxy's and the probes' sockets, so warn before it reaches the limit. */
    static final double WARNING_SHARE = 0.9;

    private HarnessFiles() {}

    /** This process's open-files limit, where the platform can tell. */
    static OptionalLong limit() {
        return unix().map(os -> OptionalLong.of(os.getMaxFileDescriptorCount())).orElse(OptionalLong.empty());
    }

    /** The descriptors open now, 0 where the platform cannot tell. */
    static long openNow() {
        return unix().map(UnixOperatingSystemMXBean::getOpenFileDescriptorCount).orElse(0L);
    }

    /**
     * Samples the open descriptors. Counting lists /proc/self/fd, which needs a descriptor itself: a
     * count that fails (-1) on a platform that can count means none was left, so it is recorded as the limit.
     */
    static Probe probe(long limit) {
        return (at, timeline) -> unix().ifPresent(os -> {
            long open = os.getOpenFileDescriptorCount();
            timeline.add(new Sample(at, SERIES, "harness", open < 0 ? limit : open));
        });
    }

    /**
     * Before the load: a warning when every request of the busiest phase could stay in flight until the
     * client gives up (as in a stall) and need 90% of the limit or more.
     */
    static Optional<String> warning(double peakRequestsPerSecond, Duration requestTimeout, long openNow, long limit) {
        long worstCase = openNow + (long) Math.ceil(peakRequestsPerSecond * requestTimeout.toSeconds()) * SOCKETS_PER_REQUEST_IN_FLIGHT;
        if (worstCase < limit * WARNING_SHARE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.US, "warning: if requests stall, this replay can hold up to %,d open "
                + "files (%,.0f req/s x %d s request timeout x %d sockets, plus %,d open now) but the harness may open "
                + "%,d; should it run out, the replay is INVALID. Raise the limit (ulimit -n %d) or use a "
                + "smaller --time-scale", worstCase, peakRequestsPerSecond, requestTimeout.toSeconds(),
                SOCKETS_PER_REQUEST_IN_FLIGHT, openNow, limit, roundUp(worstCase * 5 / 4)));
    }

    /** After the load: why the run measured the harness, when it came within 5% of its limit. */
    static Optional<String> exhausted(Timeline timeline, Window run, long limit) {
        double peak = timeline.max(SERIES, Timeline.Aggregation.MAX, run);
        if (Double.isNaN(peak) || peak < limit * EXHAUSTED_SHARE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.US, "the harness ran out of open files (%,.0f of its limit of %,d): "
                + "connections it could not open or accept counted as errors of the build. Raise the limit "
                + "(ulimit -n %d) or use a smaller --time-scale", peak, limit, roundUp(limit * 2)));
    }

    private static long roundUp(long n) {
        return (n + 9_999) / 10_000 * 10_000;
    }

    private static Optional<UnixOperatingSystemMXBean> unix() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os
                ? Optional.of(os) : Optional.empty();
    }
}
