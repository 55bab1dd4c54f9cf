package io.incidentreplay.scenario.incident;

import io.incidentreplay.scenario.expect.Expectation;
import io.incidentreplay.scenario.measure.Observations;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One replayable story: what happened (the seed reference), the data it needs, how each build runs,
 * the load, the faults on a timeline, and what each build must show — the baseline its
 * {@link #signature()}, the candidate its {@link #budgets()}. All times are incident time; the
 * replay's time scale shortens them.
 *
 * <p>{@link #healthEndpoints()} are sampled on every instance during the replay (series
 * {@code health.<name>.ok} and {@code health.<name>.ms}); {@link #finalQueries()} run once against the
 * replay's database after the load (series name to a SQL query returning one number), e.g. to count
 * the rows the acknowledged writes should have left.
 *
 * <p>Adding an incident is one small class that returns one of these; see {@code Incidents}.
 */
public record Incident(
        String id,
        String title,
        String seedReference,
        String story,
        String dataset,
        Topology baselineTopology,
        Topology candidateTopology,
        LoadProfile load,
        List<Fault> faults,
        List<Expectation> signature,
        List<Expectation> budgets,
        boolean validUnderCompression,
        TimeScale defaultTimeScale,
        Map<String, String> healthEndpoints,
        Map<String, String> finalQueries) {

    public Incident {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("incident id must be lower-case words joined by '-', but was '" + id + "'");
        }
        faults = List.copyOf(faults);
        healthEndpoints = Map.copyOf(healthEndpoints);
        finalQueries = Map.copyOf(finalQueries);
        signature = List.copyOf(signature);
        budgets = List.copyOf(budgets);
        for (Fault f : faults) {
            if (!Observations.RUN.equals(f.phase())) {
                load.phase(f.phase()); // fails loudly on a fault in an unknown phase
            }
        }
        if (signature.isEmpty()) {
            throw new IllegalArgumentException("incident '" + id + "' needs a signature: a replay that cannot fail on the baseline proves nothing");
        }
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("incident '" + id + "' needs at least one budget for the candidate");
        }
    }

    /** The topology of the given build role. */
    public Topology topology(Role role) {
        return role == Role.BASELINE ? baselineTopology : candidateTopology;
    }

    /** The two builds a replay compares. */
    public enum Role {
        /** The build the incident happened on: it must reproduce the signature. */
        BASELINE,
        /** The build that claims to fix it: it must meet the budgets. */
        CANDIDATE
    }
}
