package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.Metrics;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Scrapes every instance's Prometheus {@code /metrics} in parallel and records, per instance:
 * {@code pool.active|idle|pending|max|timeouts} (HikariCP's Micrometer gauges),
 * {@code threads.busy|max|queued} (the request threads: Jetty's or Tomcat's),
 * {@code breaker.<name>.open} (1 while a Resilience4j circuit breaker is OPEN, else 0),
 * {@code bulkhead.<name>.calls} (the calls a Resilience4j bulkhead holds: its allowed minus its available),
 * {@code jvm.heap.used} (bytes of heap in use, Micrometer's {@code jvm_memory_used_bytes{area="heap"}}
 * over every pool), plus {@code instance.up} (1 when the scrape answered in time). A stalled or stopped instance records
 * {@code instance.up = 0} and nothing else.
 */
public final class MetricsProbe implements Probe {

    /** Micrometer's JVM memory gauge (JvmMemoryMetrics), which every Micrometer build exposes under this name. */
    private static final String HEAP_USED = "jvm_memory_used_bytes";
    /** Resilience4j's bulkhead gauges (TaggedBulkheadMetrics), labelled {@code name}. */
    private static final String BULKHEAD_ALLOWED = "resilience4j_bulkhead_max_allowed_concurrent_calls";
    private static final String BULKHEAD_AVAILABLE = "resilience4j_bulkhead_available_concurrent_calls";

    private final Supplier<Map<String, URI>> instances;
    private final Metrics metrics;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as Prometheus scrapes; no h2c upgrade dance
            .connectTimeout(Duration.ofMillis(500))
            .build();

    /**
     * @param instances each instance's name (e.g. {@code i1}) and base URL, asked every round since
     *     instances come and go
     * @param timeout how long one scrape may take; a scrape still waiting does not hold up the next
     *     round, so it may be longer than the sampling interval
     */
    public MetricsProbe(Supplier<Map<String, URI>> instances, Metrics metrics, Duration timeout) {
        this.instances = instances;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    /** Starts this round's scrapes and returns without waiting: a slow instance must not delay the next round. */
    @Override
    public void sample(long atMillis, Timeline timeline) {
        start(atMillis, timeline);
    }

    /**
     * Scrapes every instance in parallel; the readings, stamped {@code atMillis}, are in the timeline
     * when the returned future completes (at most the timeout later).
     */
    public CompletableFuture<Void> start(long atMillis, Timeline timeline) {
        List<CompletableFuture<Void>> scrapes = new ArrayList<>();
        instances.get().forEach((name, base) -> scrapes.add(scrape(base)
                .thenAccept(body -> record(atMillis, name, body, timeline))
                .exceptionally(failure -> {
                    timeline.add(new Sample(atMillis, "instance.up", name, 0));
                    return null;
                })));
        return CompletableFuture.allOf(scrapes.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<String> scrape(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(metrics.path())).timeout(timeout).GET().build();
        return ProbeCalls.send(client, request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/metrics answered " + response.statusCode());
            }
            return response.body();
        });
    }

    /**
     * Pool gauges of several pools (labels) of one instance add up; a breaker's open and half-open
     * states are 1 or 0 each (Resilience4j's {@code half_open}).
     */
    private void record(long atMillis, String instance, String body, Timeline timeline) {
        timeline.add(new Sample(atMillis, "instance.up", instance, 1));
        Map<String, Double> gauges = new LinkedHashMap<>();
        for (PrometheusText.Line line : PrometheusText.parse(body)) {
            String gauge = metrics.gauges().get(line.name());
            if (gauge != null) {
                gauges.merge(gauge, line.value(), Double::sum);
            } else if (line.name().equals(HEAP_USED) && line.hasLabel("area", "heap")) {
                gauges.merge("jvm.heap.used", line.value(), Double::sum);
            } else if (line.name().equals(metrics.breakerState()) && line.hasLabel(metrics.breakerStateLabel(), "open")) {
                timeline.add(new Sample(atMillis, "breaker." + line.labels().get(metrics.breakerNameLabel()) + ".open", instance,
                        line.value()));
            } else if (line.name().equals(metrics.breakerState()) && line.hasLabel(metrics.breakerStateLabel(), "half_open")) {
                timeline.add(new Sample(atMillis, "breaker." + line.labels().get(metrics.breakerNameLabel()) + ".halfOpen", instance,
                        line.value()));
            } else if (line.name().equals(BULKHEAD_ALLOWED)) {
                gauges.merge(bulkheadCalls(line), line.value(), Double::sum);
            } else if (line.name().equals(BULKHEAD_AVAILABLE)) {
                gauges.merge(bulkheadCalls(line), -line.value(), Double::sum);
            }
        }
        gauges.forEach((series, value) -> timeline.add(new Sample(atMillis, series, instance, value)));
    }

    private static String bulkheadCalls(PrometheusText.Line line) {
        return "bulkhead." + line.labels().get("name") + ".calls";
    }
}
