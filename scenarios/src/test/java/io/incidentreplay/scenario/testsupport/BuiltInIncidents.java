package io.incidentreplay.scenario.testsupport;

import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.internal.file.IncidentCatalog;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import java.nio.file.Path;
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
}
