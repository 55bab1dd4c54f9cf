package io.incidentreplay.scenario.expect;

import io.incidentreplay.scenario.measure.LatencySummary;
import io.incidentreplay.scenario.measure.Observations;
import io.incidentreplay.scenario.measure.RequestRecord;
import io.incidentreplay.scenario.measure.RequestStats;
import io.incidentreplay.scenario.measure.Timeline;
import io.incidentreplay.scenario.measure.Timeline.Aggregation;
import io.incidentreplay.scenario.measure.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The measures an incident's signature and budgets are written in. Each returns a {@link Measure}
 * to bound, e.g. {@code Expect.p99("fault", "dashboard").atMost(600)}.
 *
 * <p>Phases are the load profile's phase names, or {@link Observations#RUN} for the whole load;
 * requests are the mix's request names, or {@link RequestStats#ALL}.
 */
public final class Expect {

    private Expect() {}

    public static Measure p50(String phase, String request) {
        return latency(phase, request, "p50", LatencySummary::p50);
    }

    public static Measure p99(String phase, String request) {
        return latency(phase, request, "p99", LatencySummary::p99);
    }

    public static Measure maxLatency(String phase, String request) {
        return latency(phase, request, "max latency", LatencySummary::max);
    }

    /** Share of requests that got no 2xx/3xx answer, in percent. */
    public static Measure errorPercent(String phase, String request) {
        return new Measure(phase + " errors of " + request, "%", obs -> share(obs, phase, request, RequestStats::errorPercent));
    }

    /** Share of requests answered 5xx (by the build or the load balancer), in percent. */
    public static Measure serverErrorPercent(String phase, String request) {
        return new Measure(phase + " 5xx of " + request, "%", obs -> share(obs, phase, request, RequestStats::serverErrorPercent));
    }

    /** Share of requests whose answer was degraded (carried the request's fallback marker), in percent. */
    public static Measure fallbackPercent(String phase, String request) {
        return new Measure(phase + " fallback answers of " + request, "%",
                obs -> share(obs, phase, request, RequestStats::fallbackPercent));
    }

    /** The highest value a probe series reached in the phase, its sources aggregated per round. */
    public static Measure seriesMax(String series, Aggregation aggregation, String phase) {
        return new Measure(phase + " max " + series, "",
                obs -> obs.timeline().max(series, aggregation, obs.window(phase)));
    }

    /** The lowest value a probe series reached in the phase, its sources aggregated per round. */
    public static Measure seriesMin(String series, Aggregation aggregation, String phase) {
        return new Measure(phase + " min " + series, "",
                obs -> obs.timeline().min(series, aggregation, obs.window(phase)));
    }

    /**
     * How long, at the longest, the series held the condition without a break in the phase, in ms
     * (NaN when it never held).
     */
    public static Measure sustainedMillis(String series, Aggregation aggregation, String phase,
            String conditionText, DoublePredicate condition) {
        return new Measure(phase + " longest stretch of " + series + " " + conditionText, " ms", obs -> {
            long run = obs.timeline().longestRunMillis(series, aggregation, obs.window(phase), condition);
            return run < 0 ? Double.NaN : run;
        });
    }

    /**
     * Time from the start of the phase until the series first met the condition, in ms; infinite when
     * it never did (so an upper bound fails with "never").
     */
    public static Measure millisUntil(String series, Aggregation aggregation, String phase,
            String conditionText, DoublePredicate condition) {
        return new Measure("time from " + phase + " start until " + series + " " + conditionText, " ms", obs -> {
            Window window = obs.window(phase);
            OptionalLong at = obs.timeline().firstAt(series, aggregation, window, condition);
            return at.isPresent() ? at.getAsLong() - window.fromMillis() : Double.POSITIVE_INFINITY;
        });
    }

    /**
     * p99 of the requests that started while a probe series held a condition — between two
     * consecutive sampling rounds that both met it, so the moments around a state change (e.g. a
     * breaker's half-open trial) are left out.
     */
    public static Measure p99While(String phase, String request, String series, Aggregation aggregation,
            String conditionText, DoublePredicate condition) {
        return new Measure(phase + " p99 of " + request + " while " + conditionText, " ms", obs -> {
            List<Timeline.Point> points = obs.timeline().points(series, aggregation, obs.window(phase));
            List<Window> held = new ArrayList<>();
            for (int i = 0; i + 1 < points.size(); i++) {
                if (condition.test(points.get(i).value()) && condition.test(points.get(i + 1).value())) {
                    held.add(new Window(phase, points.get(i).atMillis(), points.get(i + 1).atMillis()));
                }
            }
            long[] latencies = obs.requests().stream()
                    .filter(r -> RequestStats.ALL.equals(request) || r.name().equals(request))
                    .filter(r -> held.stream().anyMatch(w -> w.contains(r.startMillis())))
                    .mapToLong(RequestRecord::latencyMillis)
                    .toArray();
            return latencies.length == 0 ? Double.NaN : LatencySummary.of(latencies).p99();
        });
    }

    /**
     * Writes acknowledged with a 2xx during the whole load minus the rows a final query found: a
     * positive number is acknowledged writes that were lost.
     *
     * @param request the write's request name
     * @param persistedSeries the final query's series counting the rows those writes left
     */
    public static Measure lostWrites(String request, String persistedSeries) {
        return new Measure("acknowledged " + request + " writes missing from the database", "", obs -> {
            long acknowledged = obs.requests().stream()
                    .filter(r -> r.name().equals(request) && r.status() / 100 == 2)
                    .count();
            double persisted = obs.timeline().max(persistedSeries, Aggregation.SUM,
                    new Window("all", Long.MIN_VALUE, Long.MAX_VALUE));
            return acknowledged == 0 || Double.isNaN(persisted) ? Double.NaN : acknowledged - persisted;
        });
    }

    private static Measure latency(String phase, String request, String which, ToLongFunction<LatencySummary> pick) {
        return new Measure(phase + " " + which + " of " + request, " ms", obs -> {
            RequestStats stats = requests(obs, phase, request);
            return stats.count() == 0 ? Double.NaN : pick.applyAsLong(stats.latency());
        });
    }

    /** A share is only meaningful over some requests: none measured is NaN, never 0%. */
    private static double share(Observations obs, String phase, String request, ToDoubleFunction<RequestStats> pick) {
        RequestStats stats = requests(obs, phase, request);
        return stats.count() == 0 ? Double.NaN : pick.applyAsDouble(stats);
    }

    private static RequestStats requests(Observations obs, String phase, String request) {
        return obs.stats(phase, request);
    }
}
