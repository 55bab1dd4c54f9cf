package io.incidentreplay.scenario;

import io.incidentreplay.fixtures.orchestrator.LivenessProbeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a build runs in the replay: how many instances sit behind the load balancer, how it
 * health-checks them, its request (idle) timeout, the settings handed to each instance as
 * environment variables, and where it serves its metrics. Variables ending in {@code _MS} are
 * timers: the launcher multiplies them by the replay's time scale.
 *
 * @param jvmArgs options for the JVM of a jar build
 * @param healthCheck the load balancer's health check; a launched instance is ready once its path
 *     answers 200
 * @param metrics where the probes scrape the build's pool and breaker gauges
 * @param portVariable the variable in which a launched instance gets its port, e.g. {@code PORT}
 *     ({@code SERVER_PORT} for Spring Boot)
 * @param livenessProbe the orchestrator's liveness probe, in incident time: failed often enough in a
 *     row, it restarts the instance; empty for a build no orchestrator watches (the load balancer
 *     only stops routing to it)
 */
public record Topology(
        int instances,
        HealthCheck healthCheck,
        Duration idleTimeout,
        Map<String, String> settings,
        List<String> jvmArgs,
        Metrics metrics,
        String portVariable,
        Optional<LivenessProbeConfig> livenessProbe) {

    public Topology {
        if (instances < 1) {
            throw new IllegalArgumentException("a topology needs at least 1 instance, but had " + instances);
        }
        settings.forEach((key, value) -> {
            if (key.endsWith("_MS") && !value.matches("\\d+")) {
                throw new IllegalArgumentException("setting " + key + " is a timer in milliseconds and must be a whole number >= 0, but was '"
                        + value + "'");
            }
        });
        settings = Map.copyOf(settings);
        jvmArgs = List.copyOf(jvmArgs);
        if (portVariable == null || !portVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("the port variable must be an environment variable's name such as PORT, but was '"
                    + portVariable + "'");
        }
    }

    /** This topology with other settings: a test's variant of an incident's build. */
    public Topology withSettings(Map<String, String> other) {
        return new Topology(instances, healthCheck, idleTimeout, other, jvmArgs, metrics, portVariable, livenessProbe);
    }

    public Topology withJvmArgs(List<String> other) {
        return new Topology(instances, healthCheck, idleTimeout, settings, other, metrics, portVariable, livenessProbe);
    }

    public Topology withHealthCheck(HealthCheck other) {
        return new Topology(instances, other, idleTimeout, settings, jvmArgs, metrics, portVariable, livenessProbe);
    }

    public Topology withInstances(int other) {
        return new Topology(other, healthCheck, idleTimeout, settings, jvmArgs, metrics, portVariable, livenessProbe);
    }
}
