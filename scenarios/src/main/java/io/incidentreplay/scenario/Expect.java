package io.incidentreplay.scenario;

import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import io.incidentreplay.scenario.internal.measure.LogGroupScan;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import io.incidentreplay.scenario.internal.probe.LogVolumeProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The measures an incident's signature, budgets and steady-state hypothesis are written in. Each
 * returns a {@link Measure} to bound, e.g. {@code Expect.p99("fault", "checkout").atMost(600)}.
 *
 * <p>Phases are the load profile's phase names, or {@link Observations#RUN} for the whole load;
 * requests are the mix's request names, or {@link RequestStats#ALL}.
 */
public final class Expect {

    /** The series the metrics probe reads breakers into: {@code breaker.<name>.open} (and {@code .halfOpen}). */
    private static final String BREAKERS = "breaker.";

    private Expect() {}

    public static Measure p50(String phase, String request) {
        return latency(phase, request, "p50", LatencySummary::p50);
    }

    public static Measure p99(String phase, String request) {
        return latency(phase, request, "p99", LatencySummary::p99);
    }

    /**
     * How far the request's p99 in the phase rose above its p99 in another phase (e.g. the steady
     * state), in ms: A6's "the unrelated endpoint keeps its steady p99 + 50 ms". Relative, so the
     * bound holds on a fast machine and a slow one alike. Nothing is measured when either phase has
     * no such request.
     */
    public static Measure p99Rise(String phase, String request, String fromPhase) {
        return Measure.of(phase, request, p -> p + " p99 of " + request + " above its " + fromPhase + " p99", " ms", (obs, p) -> {
            RequestStats now = obs.stats(p, request);
            RequestStats from = obs.stats(fromPhase, request);
            return now.count() == 0 || from.count() == 0 ? Double.NaN : now.latency().p99() - from.latency().p99();
        });
    }

    public static Measure maxLatency(String phase, String request) {
        return latency(phase, request, "max latency", LatencySummary::max);
    }

    /** Share of requests that got no 2xx/3xx answer, in percent. */
    public static Measure errorPercent(String phase, String request) {
        return Measure.percent(phase, request, p -> p + " errors of " + request,
                (obs, p) -> share(obs, p, request, RequestStats::errorPercent));
    }

    /** Share of requests answered 5xx (by the build or the load balancer), in percent. */
    public static Measure serverErrorPercent(String phase, String request) {
        return Measure.percent(phase, request, p -> p + " 5xx of " + request,
                (obs, p) -> share(obs, p, request, RequestStats::serverErrorPercent));
    }

    /** Share of requests whose answer was degraded (carried the request's fallback marker), in percent. */
    public static Measure fallbackPercent(String phase, String request) {
        return Measure.percent(phase, request, p -> p + " fallback answers of " + request,
                (obs, p) -> share(obs, p, request, RequestStats::fallbackPercent));
    }

    /** How many requests that started in the phase got no 2xx or 3xx answer (an error, a refused or reset connection, a timeout). */
    public static Measure failedRequests(String phase, String request) {
        return Measure.of(phase, request, p -> p + " failed requests of " + request, "", (obs, p) -> {
            Window window = obs.window(p);
            return obs.requests().stream()
                    .filter(r -> RequestStats.ALL.equals(request) || r.name().equals(request))
                    .filter(r -> window.contains(r.startMillis()) && !r.ok())
                    .count();
        });
    }

    /**
     * How many requests got this answer: an HTTP status, or {@code "no-response"} for requests that
     * got none (connection refused or reset, timed out).
     */
    public static Measure answers(String phase, String request, String status) {
        return Measure.of(phase, request, p -> p + " " + status + " answers to " + request, "", (obs, p) -> {
            Window window = obs.window(p);
            return obs.requests().stream()
                    .filter(r -> RequestStats.ALL.equals(request) || r.name().equals(request))
                    .filter(r -> window.contains(r.startMillis()) && r.errorKey().equals(status))
                    .count();
        });
    }

    /** The highest value a probe series reached in the phase, its sources aggregated per round. */
    public static Measure seriesMax(String series, Aggregation aggregation, String phase) {
        return Measure.of(phase, null, p -> p + " max " + series, "",
                (obs, p) -> obs.timeline().max(series, aggregation, obs.window(p)));
    }

    /**
     * How much a counter series (e.g. {@code pool.timeouts}) grew in the phase, its sources summed per
     * round: its highest sum minus its lowest.
     */
    public static Measure seriesIncrease(String series, String phase) {
        return Measure.of(phase, null, p -> p + " increase of " + series, "", (obs, p) -> {
            Window window = obs.window(p);
            return obs.timeline().max(series, Aggregation.SUM, window) - obs.timeline().min(series, Aggregation.SUM, window);
        });
    }

    /**
     * The samples of a series in the phase added up, every source's: for a series with one sample
     * per event, e.g. {@code replace.inFlight} (the requests each SIGTERM met), not for a gauge
     * sampled every round.
     */
    public static Measure seriesSum(String series, String phase) {
        return Measure.of(phase, null, p -> p + " sum of " + series, "", (obs, p) -> {
            Window window = obs.window(p);
            List<Sample> samples = obs.timeline().samples().stream()
                    .filter(s -> s.series().equals(series) && window.contains(s.atMillis())).toList();
            return samples.isEmpty() ? Double.NaN : samples.stream().mapToDouble(Sample::value).sum();
        });
    }

    /** The lowest value a probe series reached in the phase, its sources aggregated per round. */
    public static Measure seriesMin(String series, Aggregation aggregation, String phase) {
        return Measure.of(phase, null, p -> p + " min " + series, "",
                (obs, p) -> obs.timeline().min(series, aggregation, obs.window(p)));
    }

    /**
     * The share of the phase's sampling rounds, in percent, in which the series (its sources
     * aggregated per round) met the condition. Robust where "the longest unbroken stretch" is not:
     * one missed or untypical round moves it by one round, not by half the window.
     */
    public static Measure percentOfTime(String series, Aggregation aggregation, String phase, String conditionText,
            DoublePredicate condition) {
        return Measure.percent(phase, null, p -> p + " time with " + series + " " + conditionText,
                (obs, p) -> obs.timeline().percentOfRounds(series, aggregation, obs.window(p), condition));
    }

    /**
     * The share of every single reading of a series in the phase (each instance, each round), in
     * percent, that was {@code >= 1}: e.g. "liveness probes answered 2xx within the health-check
     * timeout". One slow probe out of hundreds is not an outage; an endpoint that went down is.
     */
    public static Measure percentOk(String series, String phase) {
        return Measure.percent(phase, null, p -> p + " " + series + " answered",
                (obs, p) -> obs.timeline().percentOfReadings(series, obs.window(p), v -> v >= 1));
    }

    /**
     * The most circuit breakers open at once in the phase, over every instance and every breaker the
     * builds expose ({@code breaker.<name>.open}). A build without breakers has none open; a phase in
     * which no instance answered a scrape measured nothing.
     */
    public static Measure openBreakers(String phase) {
        return Measure.of(phase, null, p -> p + " open breakers", "", (obs, p) -> {
            Window window = obs.window(p);
            Timeline timeline = obs.timeline();
            if (Double.isNaN(timeline.max("instance.up", Aggregation.MAX, window))) {
                return Double.NaN;
            }
            double most = 0;
            for (String breaker : timeline.seriesStartingWith(BREAKERS, window).stream().filter(b -> b.endsWith(".open")).toList()) {
                most = Math.max(most, timeline.max(breaker, Aggregation.SUM, window));
            }
            return most;
        });
    }

    /**
     * Time from the start of the phase until the series first met the condition, in ms; infinite when
     * it never did (so an upper bound fails with "never").
     */
    public static Measure millisUntil(String series, Aggregation aggregation, String phase,
            String conditionText, DoublePredicate condition) {
        return Measure.of(phase, null, p -> "time from " + p + " start until " + series + " " + conditionText, " ms",
                (obs, p) -> {
                    Window window = obs.window(p);
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
        return Measure.of(phase, request, p -> p + " p99 of " + request + " while " + conditionText, " ms", (obs, p) -> {
            List<Window> held = heldRounds(obs, p, series, aggregation, condition);
            long[] latencies = obs.requests().stream()
                    .filter(r -> RequestStats.ALL.equals(request) || r.name().equals(request))
                    .filter(r -> held.stream().anyMatch(w -> w.contains(r.startMillis())))
                    .mapToLong(RequestRecord::latencyMillis)
                    .toArray();
            return latencies.length == 0 ? Double.NaN : LatencySummary.of(latencies).p99();
        });
    }

    /**
     * How much a counter series (its sources summed) grew while another series held a condition —
     * between two consecutive sampling rounds that both met it: e.g. the calls that reached a
     * dependency while its breaker was open on every instance. Nothing is measured when the condition
     * never held over a whole round, so a breaker that never opened does not pass for one that held.
     */
    public static Measure increaseWhile(String counter, String phase, String series, Aggregation aggregation,
            String conditionText, DoublePredicate condition) {
        return Measure.of(phase, null, p -> p + " increase of " + counter + " while " + series + " " + conditionText, "", (obs, p) -> {
            Map<Long, Double> counts = new HashMap<>();
            obs.timeline().points(counter, Aggregation.SUM, obs.window(p)).forEach(c -> counts.put(c.atMillis(), c.value()));
            double increase = 0;
            boolean measured = false;
            for (Window round : heldRounds(obs, p, series, aggregation, condition)) {
                Double from = counts.get(round.fromMillis());
                Double to = counts.get(round.toMillis());
                if (from != null && to != null) {
                    increase += to - from;
                    measured = true;
                }
            }
            return measured ? increase : Double.NaN;
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
        return Measure.overTheReplay("acknowledged " + request + " writes missing from the database", "", (obs, p) -> {
            long acknowledged = obs.requests().stream()
                    .filter(r -> r.name().equals(request) && r.status() / 100 == 2)
                    .count();
            double persisted = obs.timeline().max(persistedSeries, Aggregation.SUM,
                    new Window("all", Long.MIN_VALUE, Long.MAX_VALUE));
            return acknowledged == 0 || Double.isNaN(persisted) ? Double.NaN : acknowledged - persisted;
        });
    }

    /**
     * The share of the requests sent in the phase (of one request of the mix, or {@code all}) whose
     * request id some line of the builds' logs names: 100 % for a build that logs every request, the
     * sampling rate for one that samples. NaN when no log was read or no request sent.
     */
    public static Measure loggedPercent(String phase, String request) {
        return Measure.percent(phase, request, p -> p + " logged share of " + request, (obs, p) -> {
            LogJoin join = LogJoin.of(obs, p, request);
            return join.sent() == 0 ? Double.NaN : 100.0 * join.logged() / join.sent();
        });
    }

    /**
     * The logged share of the slow requests only: those sent in the phase (of one request of the
     * mix, or {@code all}) whose answer the load waited longer than {@code slowerThan} for. The
     * load's wait includes the load balancer and the loopback, so a bound a little above the build's
     * own threshold (the seed's 1 s) keeps a request the build timed just under it out. NaN when no
     * log was read or no request was that slow: a replay without slow requests tested nothing.
     */
    public static Measure loggedSlowPercent(String phase, String request, Duration slowerThan) {
        long millis = slowerThan.toMillis();
        return Measure.percent(phase, request, p -> p + " logged share of " + request + " slower than "
                + Measure.format(millis) + " ms", (obs, p) -> {
                    LogJoin join = LogJoin.of(obs, p, request, sent -> sent.slowerThan(millis));
                    return join.sent() == 0 ? Double.NaN : 100.0 * join.logged() / join.sent();
                });
    }

    /**
     * How far the logged share of a request is from a sampling rate, in binomial standard deviations
     * of its count: {@code |logged/n - rate| / sqrt(rate (1 - rate) / n)}. For a build that samples at
     * that rate it reads under 3 in about 99.7 % of replays; one that logs everything, or nothing,
     * reads far above. The normal approximation needs {@code n rate (1 - rate) >= 9} (about 100
     * requests at 10 %): with fewer it is NaN, so that too small a sample never passes.
     *
     * @param rate the sampling rate, a share between 0 and 1 (exclusive)
     */
    public static Measure samplingDeviation(String phase, String request, double rate) {
        return samplingDeviation(phase, request, rate, null);
    }

    /**
     * {@link #samplingDeviation(String, String, double)} over the routine requests only: those the
     * load had an answer for within {@code routineWithin} (the build's slow-request threshold). A
     * slower one is logged whatever the sample says, so it is left out of the sample. The load's
     * wait is never shorter than the build's own, so no request the build timed under the threshold
     * is left out.
     *
     * @param routineWithin null to count every request
     */
    public static Measure samplingDeviation(String phase, String request, double rate, Duration routineWithin) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("a sampling rate is a share between 0% and 100%, not " + rate * 100 + "%");
        }
        Predicate<RequestLog.Sent> routine = routineWithin == null ? sent -> true
                : sent -> !sent.slowerThan(routineWithin.toMillis());
        String which = routineWithin == null ? request : request + " within " + Measure.format(routineWithin.toMillis()) + " ms";
        return Measure.of(phase, request, p -> p + " logged share of " + which + " off a " + Measure.format(rate * 100)
                + "% sample by", " σ", (obs, p) -> {
                    LogJoin join = LogJoin.of(obs, p, request, routine);
                    double n = join.sent();
                    return n * rate * (1 - rate) < 9 ? Double.NaN
                            : Math.abs(join.logged() / n - rate) / Math.sqrt(rate * (1 - rate) / n);
                });
    }

    /**
     * Bytes of the log lines that name a request of the mix (its request id), per request of it sent
     * in the phase: what each class of request costs in the logs. Lines that name no request (start-up,
     * background work) are in {@link #logBytesPerRequest} only. NaN when no log was read.
     */
    public static Measure requestLogBytes(String phase, String request) {
        return Measure.of(phase, request, p -> p + " log bytes per " + request + " request", " B", (obs, p) -> {
            LogJoin join = LogJoin.of(obs, p, request);
            return join.sent() == 0 ? Double.NaN : (double) join.bytes() / join.sent();
        });
    }

    /**
     * The requests of one class (or all) sent in a phase, joined with the log lines naming them: how
     * many were sent, how many some line names, and the bytes of those lines. Nothing sent when no
     * log was read, so that every measure on it is NaN rather than 0.
     */
    private record LogJoin(long sent, long logged, long bytes) {
        static LogJoin of(Observations obs, String phase, String request) {
            return of(obs, phase, request, sent -> true);
        }

        /** @param which the requests of the class and phase that count */
        static LogJoin of(Observations obs, String phase, String request, Predicate<RequestLog.Sent> which) {
            if (obs.logs().files() == 0) {
                return new LogJoin(0, 0, 0);
            }
            Window window = obs.window(phase);
            long sent = 0;
            long logged = 0;
            long bytes = 0;
            for (Map.Entry<Long, RequestLog.Sent> e : obs.logs().sent().entrySet()) {
                RequestLog.Sent s = e.getValue();
                if ((RequestStats.ALL.equals(request) || s.name().equals(request)) && window.contains(s.startMillis())
                        && which.test(s)) {
                    Long lineBytes = obs.logs().logged().get(e.getKey());
                    sent++;
                    logged += lineBytes == null ? 0 : 1;
                    bytes += lineBytes == null ? 0 : lineBytes;
                }
            }
            return new LogJoin(sent, logged, bytes);
        }
    }

    /**
     * Bytes the builds wrote to their logs during the phase, per request sent in it: the growth of
     * {@code log.bytes} (every instance's log file) between the phase's first and last sampling
     * rounds, over the requests sent between them. NaN with fewer than two rounds.
     */
    public static Measure logBytesPerRequest(String phase) {
        return Measure.of(phase, null, p -> p + " log bytes per request", " B", Expect::writtenPerRequest);
    }

    /**
     * The builds' log volume in a month at production traffic: the phase's bytes per request times
     * {@link Costs#requestsPerMonth()}, in GB.
     */
    public static Measure monthlyLogGb(String phase, Costs costs) {
        return Measure.of(phase, null, p -> p + " projected log volume at " + Measure.format(costs.requestsPerSecond())
                + " req/s", " GB/month", (obs, p) -> costs.logGbPerMonth(writtenPerRequest(obs, p)));
    }

    /** What ingesting {@link #monthlyLogGb} costs a month, in dollars. */
    public static Measure monthlyLogUsd(String phase, Costs costs) {
        return Measure.of(phase, null, p -> p + " projected log ingestion at " + Measure.format(costs.requestsPerSecond())
                + " req/s", " USD/month", (obs, p) -> costs.logUsdPerMonth(writtenPerRequest(obs, p)));
    }

    /**
     * Lines of the builds' logs, over the whole replay, that hold any of the incident's canary
     * secrets: any at all is a leak. NaN when no log was read.
     */
    public static Measure secretsInLogs() {
        return Measure.overTheReplay("log lines holding a canary secret", "",
                (obs, p) -> obs.logs().files() == 0 ? Double.NaN : obs.logs().secretLines());
    }

    /**
     * The share of the log groups under a CloudWatch Logs dependency's prefix, as the build left them,
     * that keep their events forever (no retention policy): the seed's "no retention". NaN when the
     * build put none (nothing was tested) or they could not be read; not checkable where the
     * environment has no CloudWatch Logs.
     */
    public static Measure logGroupsWithoutRetention(String dependency) {
        return Measure.overTheReplay("share of " + dependency + "'s log groups without retention", "%", (obs, p) -> {
            LogGroupScan scan = obs.logGroups();
            if (scan.notCheckable() != null) {
                throw new Measure.NotCheckable(scan.notCheckable());
            }
            List<LogGroups.Group> groups = scan.groups().get(dependency);
            return groups == null || groups.isEmpty() ? Double.NaN
                    : 100.0 * groups.stream().filter(g -> g.retentionDays() == null).count() / groups.size();
        }).outOf(100);
    }

    private static double writtenPerRequest(Observations obs, String phase) {
        List<Timeline.Point> points = obs.timeline().points(LogVolumeProbe.SERIES, Aggregation.SUM, obs.window(phase));
        if (points.size() < 2) {
            return Double.NaN;
        }
        Window between = new Window(phase, points.get(0).atMillis(), points.get(points.size() - 1).atMillis());
        long sent = obs.logs().sent().values().stream().filter(s -> between.contains(s.startMillis())).count();
        if (sent == 0) {
            sent = obs.requests().stream().filter(r -> between.contains(r.startMillis())).count();
        }
        double written = points.get(points.size() - 1).value() - points.get(0).value();
        return sent == 0 ? Double.NaN : written / sent;
    }

    private static Measure latency(String phase, String request, String which, ToLongFunction<LatencySummary> pick) {
        return Measure.of(phase, request, p -> p + " " + which + " of " + request, " ms", (obs, p) -> {
            RequestStats stats = obs.stats(p, request);
            return stats.count() == 0 ? Double.NaN : pick.applyAsLong(stats.latency());
        });
    }

    /**
     * The stretches between two consecutive sampling rounds of the phase that both met the condition:
     * where a state held for certain, leaving out the moments around its changes.
     */
    private static List<Window> heldRounds(Observations obs, String phase, String series, Aggregation aggregation,
            DoublePredicate condition) {
        List<Timeline.Point> points = obs.timeline().points(series, aggregation, obs.window(phase));
        List<Window> held = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            if (condition.test(points.get(i).value()) && condition.test(points.get(i + 1).value())) {
                held.add(new Window(phase, points.get(i).atMillis(), points.get(i + 1).atMillis()));
            }
        }
        return held;
    }

    private static double share(Observations obs, String phase, String request, ToDoubleFunction<RequestStats> pick) {
        RequestStats stats = obs.stats(phase, request);
        return stats.count() == 0 ? Double.NaN : pick.applyAsDouble(stats);
    }

    // The bucket as the build left it (the incident's storage), read once after the load: whole-replay measures.

    /** Bytes stored (every version) per upload the build acknowledged (2xx). NaN when the bucket was not read or nothing was uploaded. */
    public static Measure storedPerUpload(String dependency) {
        return Measure.overTheReplay("bytes stored in " + dependency + " per upload", " B", (obs, p) -> {
            long uploads = obs.storage().acknowledged(obs.requests()).count();
            return !obs.storage().scanned() || uploads == 0 ? Double.NaN : (double) obs.storage().storedBytes() / uploads;
        });
    }

    /** Bytes stored as a share of the bytes the acknowledged uploads sent: 100% keeps every original. */
    public static Measure storedShare(String dependency) {
        return Measure.overTheReplay("bytes stored in " + dependency + " of the bytes uploaded", "%", (obs, p) -> {
            long sent = obs.storage().bytesSent(obs.requests());
            return !obs.storage().scanned() || sent == 0 ? Double.NaN : 100.0 * obs.storage().storedBytes() / sent;
        });
    }

    /** The most versions of one key: each re-upload to a versioned bucket with no expiry keeps the last. */
    public static Measure mostVersions(String dependency) {
        return Measure.overTheReplay("most versions of one key in " + dependency, "",
                (obs, p) -> obs.storage().scanned() ? obs.storage().mostVersions() : Double.NaN);
    }

    /** How many of the required lifecycle rules the bucket has (out of all of them). */
    public static Measure lifecycleRules(String dependency, List<String> required) {
        return Measure.overTheReplay("required lifecycle rules on " + dependency, "",
                (obs, p) -> obs.storage().scanned() ? required.stream().filter(obs.storage().lifecycle()::contains).count()
                        : Double.NaN).outOf(required.size());
    }

    /** The share of the sampled latest objects that are a variant of the right size, headers and metadata. */
    public static Measure variantsPercent(String dependency) {
        return Measure.overTheReplay("objects in " + dependency + " that are the expected variants", "%",
                (obs, p) -> obs.storage().checked() == 0 ? Double.NaN : 100.0 * obs.storage().matching() / obs.storage().checked())
                .outOf(100);
    }

    /** The monthly bill of production's uploads at the bytes stored per upload. */
    public static Measure monthlyStorageUsd(String dependency, StorageCosts costs) {
        Measure perUpload = storedPerUpload(dependency);
        return Measure.overTheReplay("projected storage of " + Measure.format(costs.uploads()) + " uploads in " + dependency,
                " USD/month", (obs, p) -> costs.usdPerMonth(perUpload.read(obs)));
    }
}
