package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.engine.ReplayEngine;
import io.incidentreplay.scenario.incident.Incident;
import io.incidentreplay.scenario.incident.Incident.Role;
import io.incidentreplay.scenario.incident.TimeScale;
import io.incidentreplay.scenario.incidents.Incidents;
import io.incidentreplay.seed.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "incident id; see ./replay list")
    String incidentId;

    @Option(names = "--build", defaultValue = "both", description = "baseline, candidate or both (default: ${DEFAULT-VALUE})")
    String build;

    @Option(names = "--baseline-jar", description = "the baseline build (default: the reference before build)")
    Path baselineJar;

    @Option(names = "--candidate-jar", description = "the candidate build (default: the reference after build)")
    Path candidateJar;

    @Option(names = "--dataset", description = "dataset preset: mvp, ci or production (default: the incident's)")
    String dataset;

    @Option(names = "--time-scale", description = "factor for every timer, e.g. 0.1 = ten times faster (default: the incident's)")
    String timeScale;

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--output", description = "where reports go (default: replay-reports/<date-time>)")
    Path output;

    @Override
    public Integer call() {
        Plan plan = plan();
        List<ReplayEngine.Request> requests = plan.roles.stream()
                .map(role -> new ReplayEngine.Request(plan.incident, role, plan.jar(role), plan.dataset, plan.scale))
                .toList();
        return ReplayBatch.run(requests, environment, plan.output, System.out);
    }

    /** Everything the run needs, validated: nothing is started on bad input. */
    private record Plan(Incident incident, List<Role> roles, Path baseline, Path candidate, DatasetSpec dataset,
            TimeScale scale, Path output) {
        Path jar(Role role) {
            return role == Role.BASELINE ? baseline : candidate;
        }
    }

    private Plan plan() {
        Incident incident;
        try {
            incident = Incidents.byId(incidentId);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<Role> roles = switch (build.toLowerCase(Locale.ROOT)) {
            case "baseline" -> List.of(Role.BASELINE);
            case "candidate" -> List.of(Role.CANDIDATE);
            case "both" -> List.of(Role.BASELINE, Role.CANDIDATE);
            default -> throw new UserError("--build must be baseline, candidate or both, but was '" + build + "'");
        };
        Path baseline = roles.contains(Role.BASELINE) ? jar("--baseline-jar", baselineJar, "before") : null;
        Path candidate = roles.contains(Role.CANDIDATE) ? jar("--candidate-jar", candidateJar, "after") : null;
        DatasetSpec spec = dataset(incident, dataset);
        TimeScale scale = timeScale(incident, timeScale);
        environment.backend(); // checked now: nothing starts on bad input
        return new Plan(incident, roles, baseline, candidate, spec, scale, ReplayBatch.output(output));
    }

    /** The dataset to load: the user's preset, else the incident's. */
    static DatasetSpec dataset(Incident incident, String preset) {
        try {
            return DatasetSpec.preset(preset == null ? incident.dataset() : preset);
        } catch (RuntimeException e) {
            throw new UserError("--dataset: " + e.getMessage());
        }
    }

    /** The time scale: the user's, else the incident's; refused for incidents not valid compressed. */
    static TimeScale timeScale(Incident incident, String factor) {
        TimeScale scale;
        try {
            scale = factor == null ? incident.defaultTimeScale() : TimeScale.parse(factor);
        } catch (IllegalArgumentException e) {
            throw new UserError("--time-scale: " + e.getMessage());
        }
        if (!scale.isRealTime() && !incident.validUnderCompression()) {
            throw new UserError("incident '" + incident.id() + "' is not valid under time compression; use --time-scale 1");
        }
        return scale;
    }

    /** The user's jar, which must exist, else the reference build. */
    static Path jar(String option, Path given, String referenceBuild) {
        if (given == null) {
            return ReferenceBuilds.jar(referenceBuild);
        }
        if (!Files.isRegularFile(given)) {
            throw new UserError(option + ": no build jar at " + given.toAbsolutePath());
        }
        return given.toAbsolutePath();
    }
}
