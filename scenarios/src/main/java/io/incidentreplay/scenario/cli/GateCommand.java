package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.internal.file.IncidentCatalog;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import io.incidentreplay.scenario.internal.file.IncidentFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./replay gate}: every incident on the baseline and the candidate, as a pre-release gate.
 * Exit 0 only when every baseline reproduces and every candidate passes.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Replay every incident on the baseline and the candidate; exit 0 only if all are as expected.")
final class GateCommand implements Callable<Integer> {

    @Mixin
    ReplayOptions replay;

    @Mixin
    EnvironmentOptions environment;

    @Override
    public Integer call() {
        List<ReplayEngine.Request> requests = new ArrayList<>();
        for (LoadedIncident loaded : catalog().all()) {
            Incident incident = loaded.incident();
            Build baseline = replay.baseline(loaded);
            Build candidate = replay.candidate(loaded);
            var dataset = replay.dataset(incident);
            var scale = replay.timeScale(incident);
            // the gate's verdicts are evidence: every baseline gets the control its incident declares
            requests.add(new ReplayEngine.Request(incident, Role.BASELINE, baseline, dataset, scale, true));
            requests.add(new ReplayEngine.Request(incident, Role.CANDIDATE, candidate, dataset, scale, true));
        }
        replay.repeats(); // checked now: nothing starts on bad input
        environment.backend();
        return ReplayBatch.run(requests, replay, environment, System.out);
    }

    private static IncidentCatalog catalog() {
        try {
            return IncidentCatalog.in(ReplayHome.incidents());
        } catch (IllegalArgumentException | IncidentFileException e) {
            throw new UserError(e.getMessage());
        }
    }
}
