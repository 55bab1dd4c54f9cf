package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.ReplayResult.WarmUp;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.LatencySummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warms each instance before the load balancer registers it: the mix's reads and the health-check
 * path, sent straight to the instance in rounds, until its latency stops falling. A freshly started
 * JVM compiles its hot paths and fills its pools under the first requests; at a compressed time
 * scale that costs health checks (500 ms at 0.1) and breaker windows, and a replay judged from
 * there measures the JIT, not the build. Measured before this existed: the baseline's four targets
 * went unhealthy 8 s into a fixed 10 s warm-up, the candidate's weather breakers opened with no
 * fault.
 *
 * <p>Writes are never sent (an incident may count the rows its writes left), nor the requests the
 * incident names as its fault ({@code warmUpSkips}).
 */
final class Warmer {

    /** Requests per instance per round, two at a time; the last round, of health checks only, as many. */
    static final int ROUND = 50;
    static final int CONCURRENCY = 2;
    /** Settled: two rounds in a row whose p90 differ by at most this share, after at least {@link #MIN_ROUNDS}. */
    static final double SETTLED_CHANGE = 0.25;
    static final int MIN_ROUNDS = 3;
    /** Latencies this small count as settled whatever their change (1 ms of jitter is 50% of 2 ms). */
    static final long SETTLED_BELOW_MILLIS = 5;
    static final Duration MAX_TIME = Duration.ofSeconds(20);

    private static final Pattern FIELD = Pattern.compile("#\\{(\\w+)}");

    private final List<RequestSpec> reads;
    private final List<Map<String, Object>> feeder;
    private final Map<String, String> authHeaders;
    private final String healthCheckPath;
    private final Duration requestTimeout;
    private final HttpClient client;
    private ExecutorService lanes;

    Warmer(List<RequestSpec> mix, Set<String> skips, List<Map<String, Object>> feeder, Map<String, String> authHeaders,
            String healthCheckPath, Duration requestTimeout) {
        this.reads = mix.stream().filter(r -> !r.isWrite() && !skips.contains(r.name())).toList();
        this.feeder = feeder;
        this.authHeaders = authHeaders;
        this.healthCheckPath = healthCheckPath;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Warms every instance at once; returns when each has settled or run out of time. */
    List<WarmUp> warm(List<Instance> instances) {
        ExecutorService perInstance = daemons(instances.size());
        lanes = daemons(instances.size() * CONCURRENCY);
        try {
            List<CompletableFuture<WarmUp>> runs = instances.stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> warm(i), perInstance)).toList();
            List<WarmUp> outcomes = new ArrayList<>();
            for (CompletableFuture<WarmUp> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while warming the instances", e);
        } catch (ExecutionException e) {
            throw new ReplayException("warming the instances failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            perInstance.shutdownNow();
            lanes.shutdownNow();
        }
    }

    private static ExecutorService daemons(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "warm-up");
            t.setDaemon(true);
            return t;
        });
    }

    private WarmUp warm(Instance instance) {
        long start = System.currentTimeMillis();
        long deadline = start + MAX_TIME.toMillis();
        AtomicInteger sent = new AtomicInteger();
        long previousP90 = -1;
        int rounds = 0;
        boolean settled = false;
        long p90 = 0;
        while (!settled && System.currentTimeMillis() < deadline) {
            p90 = percentile(round(instance, sent, deadline, false), 0.90);
            rounds++;
            settled = rounds >= MIN_ROUNDS && previousP90 >= 0
                    && (Math.max(p90, previousP90) < SETTLED_BELOW_MILLIS
                            || Math.abs(p90 - previousP90) <= SETTLED_CHANGE * Math.max(p90, previousP90));
            previousP90 = p90;
        }
        // the health check on the warm instance, enough times that its p95 is not one unlucky sample
        long healthP95 = percentile(round(instance, sent, System.currentTimeMillis() + MAX_TIME.toMillis(), true), 0.95);
        return new WarmUp(instance.name(), rounds, sent.get(), System.currentTimeMillis() - start, settled, p90, healthP95);
    }

    /** Nearest rank, as {@link LatencySummary} does for its percentiles; 0 for no sample. */
    private static long percentile(List<Long> millis, double q) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /**
     * One round: {@link #ROUND} requests, {@link #CONCURRENCY} at a time, drawn from the reads (every
     * fifth the health check) — or only health checks — until the round is done or the deadline.
     */
    private List<Long> round(Instance instance, AtomicInteger sent, long deadline, boolean healthChecksOnly) {
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int lane = 0; lane < CONCURRENCY; lane++) {
            running.add(CompletableFuture.runAsync(() -> {
                int n;
                while ((n = next.getAndIncrement()) < ROUND && System.currentTimeMillis() < deadline) {
                    boolean healthCheck = healthChecksOnly || n % 5 == 0 || reads.isEmpty();
                    millis.add(send(instance.baseUrl(), healthCheck ? null : reads.get(n % reads.size()), sent.getAndIncrement()));
                }
            }, lanes));
        }
        running.forEach(CompletableFuture::join);
        return List.copyOf(millis);
    }

    /** {@code #{field}} replaced by the record's field, as Gatling's expression language does in the load. */
    static String fill(String template, Map<String, Object> record) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = record.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        return m.appendTail(out).toString();
    }

    /** Sends one request (the health check when {@code spec} is null) and returns how long it took; failures count as their time. */
    private long send(URI base, RequestSpec spec, int n) {
        final HttpRequest.Builder request;
        if (spec == null) {
            request = HttpRequest.newBuilder(base.resolve(healthCheckPath));
        } else {
            Map<String, Object> record = feeder.isEmpty() ? Map.of() : feeder.get(n % feeder.size());
            request = HttpRequest.newBuilder(base.resolve(fill(spec.path(), record)));
            spec.headers().forEach((name, value) -> request.header(name, fill(value, record)));
            if (spec.authenticated()) {
                authHeaders.forEach((name, value) -> request.header(name, fill(value, record)));
            }
        }
        long t0 = System.nanoTime();
        try {
            client.send(request.timeout(requestTimeout).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // a failed warm-up request still warmed something; its time counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while warming " + base, e);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
