package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.measure.Observations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident on one build at one time scale, resolved once into real time: how long each phase
 * lasts, where its window falls once the load starts, how long a request may wait, how often and how
 * patiently the probes sample. Whatever the replay does by the clock reads it here; the incident
 * itself stays in incident time. (The build's own {@code *_MS} settings are scaled by the launcher,
 * the toxics' attributes by {@link io.incidentreplay.scenario.ToxicSpec}: each where it is handed over.)
 *
 * @param scale the factor applied to every timer
 * @param phases each phase in real time, whole seconds ({@link Phase#at})
 * @param requestTimeout how long the load waits for an answer: the load balancer's idle timeout, plus 5 s
 * @param probeInterval how often the probes sample: 250 ms when the replay runs over twice as fast as
 *     the incident, else 500 ms
 * @param probeTimeout how long one scrape may take before it is a gap: the health check's timeout,
 *     within 200 ms and 2 s
 */
record Plan(TimeScale scale, List<Phase> phases, Duration requestTimeout, Duration probeInterval, Duration probeTimeout) {

    Plan {
        phases = List.copyOf(phases);
    }

    static Plan of(Incident incident, Role role, TimeScale scale) {
        Topology topology = incident.topology(role);
        List<Phase> phases = incident.load().phases().stream().map(p -> p.at(scale)).toList();
        Duration probeTimeout = clamp(scale.apply(topology.healthCheck().timeout()), Duration.ofMillis(200), Duration.ofSeconds(2));
        return new Plan(scale, phases, scale.apply(topology.idleTimeout()).plusSeconds(5),
                Duration.ofMillis(scale.factor() < 0.5 ? 250 : 500), probeTimeout);
    }

    /** The whole load, in real time. */
    Duration loadDuration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** Each phase's window as planned once the load starts at {@code loadStartMillis}, then {@code run} over all of them. */
    Map<String, Window> windows(long loadStartMillis) {
        return windows(phases, loadStartMillis);
    }

    static Map<String, Window> windows(List<Phase> realTimePhases, long loadStartMillis) {
        Map<String, Window> windows = new LinkedHashMap<>();
        long from = loadStartMillis;
        for (Phase phase : realTimePhases) {
            long to = from + phase.duration().toMillis();
            windows.put(phase.name(), new Window(phase.name(), from, to));
            from = to;
        }
        windows.put(Observations.RUN, new Window(Observations.RUN, loadStartMillis, from));
        return windows;
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
