package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.internal.file.IncidentCatalog;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import io.incidentreplay.scenario.internal.file.IncidentFileException;
import io.incidentreplay.seed.DatasetSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./replay run <incident>}: replays an incident on the baseline, the candidate or both, and
 * ends with the verdict lines and the report path. Every argument is checked before anything starts.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replay an incident on the baseline and/or candidate build and judge it.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "an incident file (path/to/incident.yaml), or the id of "
            + "a built-in incident; see ./replay list")
    String incidentId;

    @Option(names = "--build", defaultValue = "both", description = "baseline, candidate or both (default: ${DEFAULT-VALUE})")
    String build;

    @Option(names = "--control", description = "also run the control replay an incident needs to show that its fault "
            + "caused the signature (pool-exhaustion: the baseline on a small dataset; costs one more replay). "
            + "./replay gate always runs it")
    boolean control;

    @Mixin
    ReplayOptions replay;

    @Mixin
    EnvironmentOptions environment;

    @Override
    public Integer call() {
        LoadedIncident loaded = incident();
        Incident incident = loaded.incident();
        List<Role> roles = roles();
        Build baseline = roles.contains(Role.BASELINE) ? replay.baseline(loaded) : null;
        Build candidate = roles.contains(Role.CANDIDATE) ? replay.candidate(loaded) : null;
        DatasetSource dataset = replay.dataset(incident);
        TimeScale scale = replay.timeScale(incident);
        replay.repeats(); // checked now: nothing starts on bad input
        environment.backend();
        List<ReplayEngine.Request> requests = roles.stream()
                .map(role -> new ReplayEngine.Request(incident, role, role == Role.BASELINE ? baseline : candidate,
                        dataset, scale, control))
                .toList();
        return ReplayBatch.run(requests, replay, environment, System.out);
    }

    private LoadedIncident incident() {
        try {
            return IncidentCatalog.resolve(incidentId, ReplayHome.incidents());
        } catch (IllegalArgumentException | IncidentFileException e) {
            throw new UserError(e.getMessage());
        }
    }

    private List<Role> roles() {
        return switch (build.toLowerCase(Locale.ROOT)) {
            case "baseline" -> List.of(Role.BASELINE);
            case "candidate" -> List.of(Role.CANDIDATE);
            case "both" -> List.of(Role.BASELINE, Role.CANDIDATE);
            default -> throw new UserError("--build must be baseline, candidate or both, but was '" + build + "'");
        };
    }
}
