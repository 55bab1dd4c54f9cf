package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.BackendKind;
import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.engine.ReplayEngine;
import io.incidentreplay.scenario.engine.ReplayResult;
import io.incidentreplay.scenario.incident.Incident;
import io.incidentreplay.scenario.incident.Incident.Role;
import io.incidentreplay.scenario.incident.TimeScale;
import io.incidentreplay.scenario.incidents.Incidents;
import io.incidentreplay.seed.DatasetSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--env", defaultValue = "embedded", description = "embedded, containers or external (default: ${DEFAULT-VALUE})")
    String env;

    @Option(names = "--jdbc-url", description = "external: admin JDBC URL of the PostgreSQL to use")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "external: database user (default: ${DEFAULT-VALUE})")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:DB_PASSWORD}", description = "external: database password (default: $DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--toxiproxy-url", description = "external: the Toxiproxy API URL, e.g. http://127.0.0.1:8474")
    String toxiproxyUrl;

    @Option(names = "--output", description = "where reports go (default: replay-reports/<date-time>)")
    Path output;

    @Override
    public Integer call() {
        Plan plan = plan();
        PrintStream out = System.out;
        List<ReplayResult> results = new ArrayList<>();
        try (ReplayEnvironment environment = new ReplayEnvironment(environmentConfig(plan.output))) {
            ReplayEngine engine = new ReplayEngine(environment, plan.output, out);
            Thread hook = new Thread(() -> engine.abort("interrupted (Ctrl-C) before the replay finished"), "replay-abort");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("environment: starting " + plan.backend.name().toLowerCase(Locale.ROOT) + " PostgreSQL and fault proxy ...");
            try {
                environment.start();
            } catch (RuntimeException e) {
                throw new UserError("the " + plan.backend.name().toLowerCase(Locale.ROOT) + " environment did not start: "
                        + e.getMessage());
            }
            for (Role role : plan.roles) {
                results.add(engine.replay(new ReplayEngine.Request(plan.incident, role, plan.jar(role), plan.dataset, plan.scale)));
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return Verdicts.report(results, plan.output, out);
    }

    private EnvironmentConfig environmentConfig(Path output) {
        EnvironmentConfig.Builder config = EnvironmentConfig.custom().runDirectory(output.resolve("environment"));
        switch (BackendKind.parse(env)) {
            case EMBEDDED -> config.embedded();
            case CONTAINERS -> config.containers();
            case EXTERNAL -> config.external(jdbcUrl, dbUser, dbPassword, toxiproxyUrl);
        }
        return config.build();
    }

    /** Everything the run needs, validated: nothing is started on bad input. */
    private record Plan(Incident incident, List<Role> roles, Path baseline, Path candidate, DatasetSpec dataset,
            TimeScale scale, BackendKind backend, Path output) {
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
        DatasetSpec spec;
        try {
            spec = DatasetSpec.preset(dataset == null ? incident.dataset() : dataset);
        } catch (RuntimeException e) {
            throw new UserError("--dataset: " + e.getMessage());
        }
        TimeScale scale;
        try {
            scale = timeScale == null ? incident.defaultTimeScale() : TimeScale.parse(timeScale);
        } catch (IllegalArgumentException e) {
            throw new UserError("--time-scale: " + e.getMessage());
        }
        if (!scale.isRealTime() && !incident.validUnderCompression()) {
            throw new UserError("incident '" + incident.id() + "' is not valid under time compression; use --time-scale 1");
        }
        BackendKind backend;
        try {
            backend = BackendKind.parse(env);
        } catch (RuntimeException e) {
            throw new UserError("--env: " + e.getMessage());
        }
        if (backend == BackendKind.EXTERNAL && (jdbcUrl == null || toxiproxyUrl == null)) {
            throw new UserError("--env external needs --jdbc-url (a PostgreSQL admin URL) and --toxiproxy-url (the Toxiproxy API)");
        }
        Path out = output != null ? output
                : Path.of("replay-reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new Plan(incident, roles, baseline, candidate, spec, scale, backend, out.toAbsolutePath());
    }

    private static Path jar(String option, Path given, String referenceBuild) {
        if (given == null) {
            return ReferenceBuilds.jar(referenceBuild);
        }
        if (!Files.isRegularFile(given)) {
            throw new UserError(option + ": no build jar at " + given.toAbsolutePath());
        }
        return given.toAbsolutePath();
    }
}
