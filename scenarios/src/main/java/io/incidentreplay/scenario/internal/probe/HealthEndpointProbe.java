package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Calls named health endpoints (e.g. {@code liveness → /health/liveness}) on every instance each
 * round and records {@code health.<name>.ok} (1 for a 2xx answer in time, else 0) and
 * {@code health.<name>.ms} (how long the answer took; the timeout when none came). Health-check
 * isolation is judged on these: liveness must stay up and fast while a dependency is down.
 */
public final class HealthEndpointProbe implements Probe {

    private final Supplier<Map<String, URI>> instances;
    private final Map<String, String> endpoints;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();

    public HealthEndpointProbe(Supplier<Map<String, URI>> instances, Map<String, String> endpoints, Duration timeout) {
        this.instances = instances;
        this.endpoints = Map.copyOf(endpoints);
        this.timeout = timeout;
    }

    /** Starts this round's calls and returns without waiting: a slow instance must not delay the next round. */
    @Override
    public void sample(long atMillis, Timeline timeline) {
        start(atMillis, timeline);
    }

    /** Calls every endpoint of every instance; the readings are in the timeline when the future completes. */
    public CompletableFuture<Void> start(long atMillis, Timeline timeline) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        instances.get().forEach((instance, base) -> endpoints.forEach((name, path) -> {
            long start = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
            calls.add(ProbeCalls.send(client, request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        boolean ok = failure == null && response.statusCode() / 100 == 2;
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        timeline.add(new Sample(atMillis, "health." + name + ".ok", instance, ok ? 1 : 0));
                        timeline.add(new Sample(atMillis, "health." + name + ".ms", instance,
                                failure == null ? millis : timeout.toMillis()));
                        return null;
                    }));
        }));
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }
}
