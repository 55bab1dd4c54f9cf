package io.incidentreplay.scenario;

import java.time.Duration;
import java.util.List;

/** Open-model phases, one after another, each drawing requests from the same mix. */
public record LoadProfile(List<Phase> phases, List<RequestSpec> mix) {

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
