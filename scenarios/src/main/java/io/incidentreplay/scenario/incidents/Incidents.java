package io.incidentreplay.scenario.incidents;

import io.incidentreplay.scenario.incident.Incident;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every incident the harness can replay, by id. Adding one is one small class with an
 * {@code incident()} factory and one line here.
 */
public final class Incidents {

    private static final Map<String, Incident> BY_ID = new LinkedHashMap<>();

    static {
        add(PoolExhaustion.incident());
        add(WeatherCascade.incident());
        add(DatabaseStall.incident());
    }

    private Incidents() {}

    private static void add(Incident incident) {
        BY_ID.put(incident.id(), incident);
    }

    public static List<Incident> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The incident with this id; an unknown id is an error that lists the known ones. */
    public static Incident byId(String id) {
        Incident incident = BY_ID.get(id);
        if (incident == null) {
            throw new IllegalArgumentException("unknown incident '" + id + "'; known incidents: " + String.join(", ", BY_ID.keySet()));
        }
        return incident;
    }
}
