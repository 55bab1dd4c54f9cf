package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.engine.ReplayEngine;
import io.incidentreplay.scenario.incident.Incident;
import io.incidentreplay.scenario.incident.Incident.Role;
import io.incidentreplay.scenario.incidents.Incidents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./replay gate}: every incident on the baseline and the candidate, as a pre-release gate.
 * Exit 0 only when every baseline reproduces and every candidate passes.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Replay every incident on the baseline and the candidate; exit 0 only if all are as expected.")
final class GateCommand implements Callable<Integer> {

    @Option(names = "--baseline-jar", description = "the baseline build (default: the reference before build)")
    Path baselineJar;

    @Option(names = "--candidate-jar", description = "the candidate build (default: the reference after build)")
    Path candidateJar;

    @Option(names = "--dataset", description = "dataset preset for every incident (default: each incident's)")
    String dataset;

    @Option(names = "--time-scale", description = "factor for every timer (default: each incident's)")
    String timeScale;

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--output", description = "where reports go (default: replay-reports/<date-time>)")
    Path output;

    @Override
    public Integer call() {
        Path baseline = RunCommand.jar("--baseline-jar", baselineJar, "before");
        Path candidate = RunCommand.jar("--candidate-jar", candidateJar, "after");
        List<ReplayEngine.Request> requests = new ArrayList<>();
        for (Incident incident : Incidents.all()) {
            var spec = RunCommand.dataset(incident, dataset);
            var scale = RunCommand.timeScale(incident, timeScale);
            requests.add(new ReplayEngine.Request(incident, Role.BASELINE, baseline, spec, scale));
            requests.add(new ReplayEngine.Request(incident, Role.CANDIDATE, candidate, spec, scale));
        }
        environment.backend(); // checked now: nothing starts on bad input
        return ReplayBatch.run(requests, environment, ReplayBatch.output(output), System.out);
    }
}
