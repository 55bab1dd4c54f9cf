package io.incidentreplay.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Open-model phases, one after another, each drawing requests from the same mix.
 *
 * <p>With a {@code simulation}, a Gatling simulation of your own sends the load instead: it reads
 * the load balancer's URL from the system property {@code baseUrl}. The phases are then the
 * timeline the faults and the expectations are placed on, starting with the first request the load
 * balancer sees, and the mix names the requests: each request through the load balancer counts as
 * the first request of the mix whose method and path it matches ({@code #{field}} matches any one
 * path segment or query value). The harness records them from the load balancer's access log,
 * which has no bodies, so fallback markers cannot be read there.
 *
 * @param simulation the class name of a {@code io.gatling.javaapi.core.Simulation} on the classpath,
 *     or empty for the harness's own load, which draws the mix by weight at each phase's rate
 */
public record LoadProfile(List<Phase> phases, List<RequestSpec> mix, Optional<String> simulation) {

    public LoadProfile {
        phases = List.copyOf(phases);
        mix = List.copyOf(mix);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a load profile needs at least one phase");
        }
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("a load profile needs at least one request in its mix");
        }
        long distinct = phases.stream().map(Phase::name).distinct().count();
        if (distinct != phases.size()) {
            throw new IllegalArgumentException("phase names must be unique, but were " + phases.stream().map(Phase::name).toList());
        }
        if (simulation.isPresent()) {
            mix.stream().filter(r -> r.fallbackMarker() != null).findFirst().ifPresent(r -> {
                throw new IllegalArgumentException("request '" + r.name() + "' has a fallback marker, but with a simulation of "
                        + "your own the requests are recorded from the load balancer's access log, which has no bodies: "
                        + "remove the fallback, or the simulation");
            });
        }
    }

    /** The harness's own load. */
    public LoadProfile(List<Phase> phases, List<RequestSpec> mix) {
        this(phases, mix, Optional.empty());
    }

    /** The same phases and mix, with the load sent by a Gatling simulation of your own. */
    public LoadProfile withSimulation(Class<? extends Simulation> simulation) {
        return new LoadProfile(phases, mix, Optional.of(simulation.getName()));
    }

    /** Total length in incident time. */
    public Duration duration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public Phase phase(String phaseName) {
        return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase named '" + phaseName + "'"));
    }
}
