package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The incidents in a folder of incident files ({@code *.yaml}, recursively; files whose name starts
 * with {@code _} are bases that others extend, not incidents), by id. The built-in catalog is the
 * repository's {@code incidents/} folder.
 */
public final class IncidentCatalog {

    private final Path directory;
    private final Map<String, LoadedIncident> byId;

    private IncidentCatalog(Path directory, Map<String, LoadedIncident> byId) {
        this.directory = directory;
        this.byId = byId;
    }

    /**
     * Loads every incident file under {@code directory}.
     *
     * @throws IncidentFileException for the first file that cannot be replayed
     * @throws IllegalArgumentException when two files share an id
     */
    public static IncidentCatalog in(Path directory) {
        Map<String, LoadedIncident> byId = new LinkedHashMap<>();
        for (Path file : files(directory)) {
            LoadedIncident loaded = IncidentFile.load(file);
            LoadedIncident twin = byId.put(loaded.incident().id(), loaded);
            if (twin != null) {
                throw new IllegalArgumentException("two incident files have the id '" + loaded.incident().id() + "': "
                        + twin.file() + " and " + file);
            }
        }
        return new IncidentCatalog(directory, byId);
    }

    public List<LoadedIncident> all() {
        return List.copyOf(byId.values());
    }

    /** The incident with this id; an unknown id is an error that lists the known ones. */
    public LoadedIncident byId(String id) {
        LoadedIncident incident = byId.get(id);
        if (incident == null) {
            throw new IllegalArgumentException("unknown incident '" + id + "'; known incidents: " + String.join(", ", byId.keySet())
                    + " (in " + directory + "), or give the path of an incident file");
        }
        return incident;
    }

    /** An incident file's path, or a built-in incident's id. */
    public static LoadedIncident resolve(String fileOrId, Path builtIn) {
        Path file = Path.of(fileOrId);
        if (fileOrId.endsWith(".yaml") || fileOrId.endsWith(".yml") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no incident file at " + file.toAbsolutePath());
            }
            return IncidentFile.load(file);
        }
        return in(builtIn).byId(fileOrId);
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no folder of incident files at " + directory.toAbsolutePath());
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[^_].*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the incident files in " + directory, e);
        }
    }
}
