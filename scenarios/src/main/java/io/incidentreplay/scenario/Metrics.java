package io.incidentreplay.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and under which names a build exposes the gauges the probes read, in the Prometheus text
 * format. The defaults are Micrometer's names for HikariCP and Resilience4j, which the reference builds
 * serves on {@code /metrics} and Spring Boot Actuator on {@code /actuator/prometheus}.
 *
 * @param path the scrape path, e.g. {@code /metrics}
 * @param portVariable the variable in which the build takes a port of its own for {@code path}, so
 *     the probes still read the pool when every request thread is busy; null when it serves the
 *     metrics only on its main port
 * @param gauges metric name to series: the pool's ({@code pool.active}, {@code pool.idle}, {@code pool.pending},
 *     {@code pool.max}, {@code pool.timeouts}) and the request threads' ({@code threads.busy},
 *     {@code threads.max}, {@code threads.queued}); a metric with several labels (pools) adds up per instance
 * @param breakerState the gauge that is 1 for a breaker's current state, labelled with its name and state
 * @param breakerNameLabel the label naming the breaker
 * @param breakerStateLabel the label naming the state; the probes read {@code open}
 */
public record Metrics(String path, String portVariable, Map<String, String> gauges, String breakerState,
        String breakerNameLabel, String breakerStateLabel) {

    /** Micrometer's HikariCP binding. */
    public static final Map<String, String> HIKARI = Map.of(
            "hikaricp_connections_active", "pool.active",
            "hikaricp_connections_idle", "pool.idle",
            "hikaricp_connections_pending", "pool.pending",
            "hikaricp_connections_max", "pool.max",
            "hikaricp_connections_timeout_total", "pool.timeouts");

    /**
     * Micrometer's request-thread gauges: Jetty's ({@code JettyServerThreadPoolMetrics}, where
     * {@code jobs} are the requests queued for a worker) and Spring Boot's embedded Tomcat's. Jetty
     * keeps one thread in reserve, so a saturated pool reads one under its max.
     */
    public static final Map<String, String> THREADS = Map.of(
            "jetty_threads_busy", "threads.busy",
            "jetty_threads_config_max", "threads.max",
            "jetty_threads_jobs", "threads.queued",
            "tomcat_threads_busy_threads", "threads.busy",
            "tomcat_threads_config_max_threads", "threads.max");

    public Metrics {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("metrics path must start with '/', but was '" + path + "'");
        }
        gauges = Map.copyOf(gauges);
    }

    /** Micrometer's names on {@code path}, with an own port in {@code portVariable} (or null). */
    public static Metrics micrometer(String path, String portVariable) {
        Map<String, String> gauges = new HashMap<>(HIKARI);
        gauges.putAll(THREADS);
        return new Metrics(path, portVariable, gauges, "resilience4j_circuitbreaker_state", "name", "state");
    }
}
