package io.incidentreplay.petforce.after;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.incidentreplay.petforce.after.AfterSettings.WeatherSettings;
import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.WeatherApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS3's fix (seed S0 2012–2163): the weather call can no longer hold a dashboard request longer
 * than {@code WEATHER_TIMEOUT_MS}.
 *
 * <p>Order: bulkhead → circuit breaker → time limiter → retry → HTTP call. The bulkhead (A6's fix,
 * seed S1 2356–2360) lets at most {@code WEATHER_MAX_CONCURRENT_CALLS} calls wait on the API at once
 * and turns the others away at once, to the fallback: a slow API can hold that many request threads
 * and no more, so the endpoints that never call it keep their workers. It sits outside the breaker so
 * that a full bulkhead, which says how busy this instance is and not how the API is, is never counted
 * as the API failing. The time limiter bounds the whole
 * call, retries and their 1/2/3 s back-off included (opossum's {@code timeout} wraps the seed's
 * retrying {@code fetchWithTimeout} the same way), and cancels it, so the seed's pitfall of up to
 * ~26 s of retries running on in the background cannot happen (incidents.md A2). Retries therefore
 * only help against fast failures (refused connection, 5xx). On any failure, or while the breaker
 * is open, the answer is the last good observation for the zip younger than
 * {@code WEATHER_CACHE_TTL_MS}, marked {@code "cached": true}, else {@code {"unavailable": true}}.
 * The cache is in-process (the seed used Redis; each instance keeps its own).
 */
final class ResilientWeather implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResilientWeather.class);

    private record Cached(ObjectNode observation, Instant fetchedAt) {}

    private final WeatherApi api;
    private final WeatherSettings settings;
    private final Bulkhead bulkhead;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final ExecutorService calls;
    private final HttpClient client;
    private final Clock clock;
    private final Map<String, Cached> lastGood = new ConcurrentHashMap<>();

    ResilientWeather(WeatherApi api, WeatherSettings settings, Bulkhead bulkhead, CircuitBreaker breaker, Clock clock) {
        this.api = api;
        this.settings = settings;
        this.bulkhead = bulkhead;
        this.breaker = breaker;
        this.clock = clock;
        this.timeLimiter = TimeLimiter.of("weather", TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        long backoff = settings.retryBackoff().toMillis();
        long maxBackoff = settings.maxRetryBackoff().toMillis();
        this.retry = Retry.of("weather", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                // The seed's "exponential" back-off is linear: 1 s, 2 s, 3 s (incidents.md G7).
                .intervalFunction((IntervalFunction) attempt -> Math.min(backoff * attempt, maxBackoff))
                // A cancelled call (time limit reached) must stop, not retry.
                .retryOnException(e -> !(e instanceof InterruptedException) && !Thread.currentThread().isInterrupted())
                .build());
        AtomicInteger threadNumber = new AtomicInteger();
        // as many threads as the bulkhead lets calls in: a call it admits never waits for a thread
        this.calls = Executors.newFixedThreadPool(bulkhead.getBulkheadConfig().getMaxConcurrentCalls(), runnable -> {
            Thread thread = new Thread(runnable, "weather-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    /** The observation for {@code zipCode}, from the API, the cache, or {@code {"unavailable":true}}; never throws. */
    ObjectNode observationFor(String zipCode) {
        try {
            ObjectNode observation = bulkhead.executeCallable(() -> breaker.executeCallable(() ->
                    timeLimiter.executeFutureSupplier(() -> calls.submit(() -> fetchWithRetries(zipCode)))));
            lastGood.put(zipCode, new Cached(observation.deepCopy(), clock.instant()));
            return observation;
        } catch (Exception failure) {
            log.warn("Weather API failed for zip {} (breaker {}, bulkhead {} free), using fallback: {}", zipCode,
                    breaker.getState(), bulkhead.getMetrics().getAvailableConcurrentCalls(), failure.toString());
            return fallback(zipCode);
        }
    }

    private ObjectNode fetchWithRetries(String zipCode) throws Exception {
        return retry.executeCallable(() -> fetchOnce(zipCode));
    }

    private ObjectNode fetchOnce(String zipCode) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.observationsUri(zipCode))
                .timeout(settings.timeout())
                .GET()
                .build();
        return WeatherApi.parse(zipCode, client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private ObjectNode fallback(String zipCode) {
        Cached cached = lastGood.get(zipCode);
        if (cached != null && cached.fetchedAt().plus(settings.cacheTtl()).isAfter(clock.instant())) {
            return cached.observation().deepCopy().put("cached", true);
        }
        return Json.object().put("unavailable", true);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
