package io.incidentreplay.scenario.testsupport;

import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.internal.file.IncidentCatalog;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The repository's incident files ({@code incidents/}), as the scenarios module's tests see them. */
public final class BuiltInIncidents {

    /** Tests run in the module's folder; the incident files are beside it. */
    public static final Path DIRECTORY = Path.of("..", "incidents").toAbsolutePath().normalize();

    private BuiltInIncidents() {}

    public static Incident byId(String id) {
        return IncidentCatalog.in(DIRECTORY).byId(id).incident();
    }

    public static List<Incident> all() {
        return IncidentCatalog.in(DIRECTORY).all().stream().map(LoadedIncident::incident).toList();
    }

    /**
     * The incidents named in {@code ids} (comma-separated, in the catalogue's order), or all of them
     * when it is blank. An id with no incident file is refused with the ids there are, so a typo in
     * a pom never shrinks the gate unseen.
     */
    public static List<Incident> selected(String ids) {
        List<Incident> all = all();
        if (ids == null || ids.isBlank()) {
            return all;
        }
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        List<String> known = all.stream().map(Incident::id).toList();
        List<String> unknown = wanted.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("replay.incidents names " + unknown + ", which " + DIRECTORY
                    + " has no incident file for; its incidents are " + known);
        }
        return all.stream().filter(incident -> wanted.contains(incident.id())).toList();
    }
}
