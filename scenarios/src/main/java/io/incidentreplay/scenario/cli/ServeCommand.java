package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.launch.LaunchSpec;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.fixtures.environment.stub.HttpStub;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.scenario.internal.engine.DependencyWiring;
import io.incidentreplay.scenario.internal.file.IncidentCatalog;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import io.incidentreplay.scenario.internal.file.IncidentFileException;
import io.incidentreplay.seed.cli.DatabaseLogin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./replay serve INCIDENT}: runs one build of an incident in the foreground, in real time, as
 * its file wires it — its settings, its port variable, PostgreSQL at the URL the user names, and each
 * HTTP dependency at a URL the user names or else played by its WireMock stub here. For a look at a
 * build by hand, a load tool of one's own (wrk, k6), or a game day's service.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ReplayCli.USAGE_ERROR,
        description = "Run one build of an incident in the foreground, wired as its file says, against a PostgreSQL you name.")
final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "an incident file, or a built-in incident's id (./replay list)")
    String incidentId;

    @Option(names = "--role", defaultValue = "candidate", description = "the build to run: baseline or candidate (default: ${DEFAULT-VALUE})")
    String role;

    @Option(names = "--build", paramLabel = "JAR|COMMAND", description = "run this build instead of the one the file names")
    String build;

    @Option(names = "--jdbc-url", required = true,
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/orders (user and password may be in it)")
    String jdbcUrl;

    @Option(names = "--db-user", description = DatabaseLogin.USER_HELP)
    String dbUser;

    @Option(names = "--db-password", description = DatabaseLogin.PASSWORD_HELP)
    String dbPassword;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--dependency", paramLabel = "NAME=URL",
            description = "where an HTTP or S3 dependency is, e.g. --dependency payments=http://127.0.0.1:9000 (default for HTTP: its stub, started here)")
    Map<String, String> dependencyUrls = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadedIncident loaded = incident();
        Role which = role();
        Build chosen = chosenBuild(loaded, which);
        checkArguments();
        Incident incident = loaded.incident();
        Topology topology = incident.topology(which);
        List<HttpStub> stubs = new ArrayList<>();
        try {
            Map<String, String> env = new LinkedHashMap<>(dependencies(incident, stubs));
            env.putAll(topology.settings()); // real time: every timer at its file's value
            env.put(topology.portVariable(), Integer.toString(port));
            if (topology.metrics().portVariable() != null) {
                env.put(topology.metrics().portVariable(), Integer.toString(port + 1));
            }
            ProcessBuilder process = new ProcessBuilder(command(chosen, topology)).inheritIO();
            if (chosen instanceof Build.Command c) {
                process.directory(c.workingDirectory().toFile());
            }
            process.environment().putAll(env);
            System.out.printf("serving %s (%s) on http://127.0.0.1:%d%s%n", chosen.name(), which.name().toLowerCase(Locale.ROOT), port,
                    topology.metrics().portVariable() == null ? "" : ", metrics on port " + (port + 1));
            Process child = process.start();
            // Ctrl-C reaches the child through the terminal's process group; this covers a plain kill.
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } finally {
            stubs.forEach(HttpStub::stop);
        }
    }

    private LoadedIncident incident() {
        try {
            return IncidentCatalog.resolve(incidentId, ReplayHome.incidents());
        } catch (IllegalArgumentException | IncidentFileException e) {
            throw new UserError(e.getMessage());
        }
    }

    private Role role() {
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "baseline" -> Role.BASELINE;
            case "candidate" -> Role.CANDIDATE;
            default -> throw new UserError("--role must be baseline or candidate, but was '" + role + "'");
        };
    }

    private Build chosenBuild(LoadedIncident loaded, Role which) {
        String name = which.name().toLowerCase(Locale.ROOT);
        Build chosen;
        try {
            chosen = build != null ? ReplayOptions.parse(build) : (which == Role.BASELINE ? loaded.baseline() : loaded.candidate())
                    .orElseThrow(() -> new UserError(loaded.file().getFileName() + " names no " + name + " build; give --build"));
        } catch (IllegalArgumentException e) {
            throw new UserError("--build: " + e.getMessage());
        }
        if (chosen instanceof Build.Urls) {
            throw new UserError("the " + name + " build is the URLs " + chosen.describe() + ": it runs already; give --build JAR|COMMAND");
        }
        if (chosen instanceof Build.Jar jar && !Files.isRegularFile(jar.path())) {
            throw new UserError("no build jar at " + jar.path() + "; build it (the reference builds: mvn -DskipTests package) "
                    + "or give --build");
        }
        return chosen;
    }

    private static List<String> command(Build chosen, Topology topology) {
        if (chosen instanceof Build.Jar jar) {
            return LaunchSpec.forJar(jar.path()).jvmArgs(topology.jvmArgs()).build().command();
        }
        return ((Build.Command) chosen).command();
    }

    /** Each dependency's variables: PostgreSQL at --jdbc-url, HTTP ones at their --dependency URL or their stub. */
    private Map<String, String> dependencies(Incident incident, List<HttpStub> stubs) {
        List<String> httpNames = incident.dependencies().stream().filter(d -> !(d instanceof Dependency.Postgres))
                .map(Dependency::name).toList();
        dependencyUrls.keySet().stream().filter(name -> !httpNames.contains(name)).findFirst().ifPresent(name -> {
            throw new UserError("--dependency " + name + ": the incident has no HTTP, S3 or CloudWatch Logs dependency of that name; it has " + httpNames);
        });
        DatabaseLogin database = DatabaseLogin.of(jdbcUrl, dbUser, dbPassword);
        // the URL as given: a build whose incident names no user or password variable still gets its login
        DependencyWiring.Login login = new DependencyWiring.Login(jdbcUrl, database.user(), database.password());
        return DependencyWiring.variables(incident.dependencies(), login, http -> {
            String url = dependencyUrls.get(http.name());
            if (url != null) {
                return url;
            }
            HttpStub stub = new HttpStub(http.name(), http.stub());
            stub.start();
            stubs.add(stub);
            System.out.println(http.name() + ": its stub (" + http.stub() + ") on " + stub.baseUrl());
            return stub.baseUrl().toString();
        }, bucket -> {
            String url = dependencyUrls.get(bucket.name());
            if (url == null) {
                throw new UserError("the S3 dependency '" + bucket.name() + "' needs an endpoint: give --dependency " + bucket.name()
                        + "=<S3 URL>, e.g. http://localhost:4566 (LocalStack); the bucket " + bucket.bucket() + " must exist there");
            }
            // an emulator's: AWS's own endpoints take the caller's AWS_* variables, which the build inherits
            return new ReplayEnvironment.AwsEndpoint(java.net.URI.create(url), "us-east-1", "replay", "replay-secret");
        }, groups -> {
            String url = dependencyUrls.get(groups.name());
            if (url == null) {
                System.out.println(groups.name() + ": no CloudWatch Logs (give one with --dependency " + groups.name()
                        + "=<URL>): the build puts no log groups");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ReplayEnvironment.AwsEndpoint(java.net.URI.create(url), "us-east-1", "replay",
                    "replay-secret"));
        });
    }

    private void checkArguments() {
        try {
            DatabaseLogin.of(jdbcUrl, dbUser, dbPassword);
        } catch (IllegalArgumentException e) {
            throw new UserError("--jdbc-url " + e.getMessage());
        }
        if (port < 1 || port > 65534) {
            throw new UserError("--port must be between 1 and 65534 (the next port is the metrics'), but was " + port);
        }
        dependencyUrls.forEach((name, url) -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                throw new UserError("--dependency " + name + "=" + url + ": not an absolute URL such as http://127.0.0.1:9000");
            }
        });
    }
}
