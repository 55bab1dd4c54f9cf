package io.incidentreplay.scenario.incidents;

import static io.incidentreplay.scenario.measure.Timeline.Aggregation.SUM;

import io.incidentreplay.scenario.expect.Expect;
import io.incidentreplay.scenario.expect.Expectation;
import io.incidentreplay.scenario.incident.HealthCheck;
import io.incidentreplay.scenario.incident.Topology;
import io.incidentreplay.scenario.measure.RequestStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference PetForce builds as incidents run them: every timer with the seed's value
 * (target-app/README.md), handed to each instance explicitly so that the replay's time scale
 * reaches them — the launcher scales the {@code *_MS} variables it passes, and cannot scale a
 * default it never sees (a user's own build lists its timers in its incident's topology the same
 * way) — and the topology shared by the incidents.
 *
 * <p>Left out on purpose: {@code LOG_SLOW_REQUEST_MS} (a threshold on database work, which is never
 * scaled) and the pgjdbc socket and connect timeouts (whole seconds in the driver, so a compressed
 * value would round up and mislead).
 */
final class PetForce {

    /** The incident-era build: a pool acquire timeout and Hikari's default idle timeout, nothing else. */
    static final Map<String, String> BEFORE = Map.of(
            "DB_CONNECTION_TIMEOUT_MS", "30000",
            "DB_IDLE_TIMEOUT_MS", "600000");

    /** The fixed build: every timeout, window and back-off of the post-mortems' fixes. */
    static final Map<String, String> AFTER = Map.ofEntries(
            Map.entry("DB_CONNECTION_TIMEOUT_MS", "30000"),
            Map.entry("DB_IDLE_TIMEOUT_MS", "10000"),
            Map.entry("DB_STATEMENT_TIMEOUT_MS", "10000"),
            Map.entry("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "30000"),
            Map.entry("DB_CALL_TIMEOUT_MS", "10000"),
            Map.entry("DB_BREAKER_WINDOW_MS", "10000"),
            Map.entry("DB_BREAKER_OPEN_MS", "30000"),
            Map.entry("WEATHER_TIMEOUT_MS", "5000"),
            Map.entry("WEATHER_RETRY_BACKOFF_MS", "1000"),
            Map.entry("WEATHER_RETRY_MAX_BACKOFF_MS", "3000"),
            Map.entry("WEATHER_CACHE_TTL_MS", "3600000"),
            Map.entry("WEATHER_BREAKER_WINDOW_MS", "10000"),
            Map.entry("WEATHER_BREAKER_OPEN_MS", "30000"),
            Map.entry("READINESS_DB_TIMEOUT_MS", "2000"),
            Map.entry("SHUTDOWN_TIMEOUT_MS", "30000"));

    /** Jetty's worker threads per instance (the seed's Node process had no such limit; A6 uses 100). */
    static final String HTTP_MAX_THREADS = "100";

    /** Small heaps and a quick JIT: several instances share the machine with the harness. */
    static final List<String> JVM_ARGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private PetForce() {}

    /**
     * The steady state every PetForce incident checks before its fault, over the control phase: all
     * targets healthy, at most 0.1% errors, a p99 of at most {@code p99Millis}, and no circuit breaker
     * open; plus the incident's own. The p99 bound is real time, not scaled: the work it times is the
     * builds' and the database's, which the time scale never shortens (a compressed health check
     * that this machine cannot serve is refused before the load instead). 250 ms is ten times the
     * 11–42 ms the steady phases measured (docs/benchmarks.md), and half the health check's timeout
     * at the default scale.
     */
    static Expectation[] steadyState(String phase, int instances, long p99Millis, Expectation... more) {
        List<Expectation> all = new ArrayList<>(List.of(
                Expect.seriesMin("lb.healthy", SUM, phase).outOf(instances).atLeast(instances),
                Expect.errorPercent(phase, RequestStats.ALL).atMost(0.1),
                Expect.p99(phase, RequestStats.ALL).atMost(p99Millis),
                Expect.openBreakers(phase).atMost(0)));
        all.addAll(List.of(more));
        return all.toArray(Expectation[]::new);
    }

    /**
     * N instances behind an ALB health check with the seed's settings (every 30 s, 5 s timeout,
     * healthy after 2), the given path and unhealthy threshold, and the given request timeout.
     */
    static Topology topology(int instances, String healthCheckPath, int unhealthyThreshold, Duration idleTimeout,
            Map<String, String> timers) {
        Map<String, String> settings = new HashMap<>(timers);
        settings.put("HTTP_MAX_THREADS", HTTP_MAX_THREADS);
        return new Topology(instances,
                new HealthCheck(healthCheckPath, Duration.ofSeconds(30), Duration.ofSeconds(5), 2, unhealthyThreshold, "200"),
                idleTimeout, settings, JVM_ARGS, "METRICS_PORT");
    }
}
