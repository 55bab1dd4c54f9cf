package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.scenario.Auth;
import io.incidentreplay.scenario.Control;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.HealthCheck;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.Metrics;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.scenario.ToxicSpec;
import io.incidentreplay.scenario.internal.measure.Observations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an incident file (YAML, format {@value #FORMAT}; its JSON Schema is
 * {@code docs/incident-format.schema.json}) into the same {@link Incident} the Java builder makes.
 * Every mistake it can find before anything runs is reported with its line, its field and what is
 * allowed — a phase or request an expectation names and the load does not define among them.
 *
 * <p>A file may start from another with {@code extends: other.yaml}: its mappings are merged over
 * the other's, key by key (a list replaces the other's list).
 */
public final class IncidentFile {

    public static final String FORMAT = "incident-replay/incident@1";

    private static final Set<String> TOP_LEVEL = new LinkedHashSet<>(List.of("format", "extends", "id", "title", "seed",
            "timeScale", "service", "dependencies", "dataset", "auth", "builds", "load", "healthEndpoints", "finalQueries",
            "faults", "steadyState", "control", "signature", "budgets"));

    private final Path file;
    private final Problems problems = new Problems();

    private IncidentFile(Path file) {
        this.file = file;
    }

    /**
     * @throws IncidentFileException with every problem found, when the file cannot be replayed
     */
    public static LoadedIncident load(Path file) {
        return new IncidentFile(file.toAbsolutePath().normalize()).read();
    }

    /** An incident and the builds its file names, to be used when the command line names none. */
    public record LoadedIncident(Incident incident, Path file, Optional<Path> baselineJar, Optional<Path> candidateJar) {}

    private LoadedIncident read() {
        YamlNode root = new YamlNode(Merge.withBases(file, problems), file, "", problems);
        if (!problems.isEmpty()) {
            throw new IncidentFileException(problems.all());
        }
        root.onlyKeys(TOP_LEVEL.toArray(String[]::new));
        root.required("format", FORMAT).ifPresent(f -> f.string().filter(v -> !v.equals(FORMAT)).ifPresent(v -> f.problem(
                "must be " + FORMAT + ", but is '" + v + "'; this version of Incident Replay reads " + FORMAT)));
        String id = root.required("id", "the incident's id, e.g. weather-cascade").flatMap(YamlNode::text).orElse("unnamed");
        Incident.Builder b = Incident.builder(id);
        seed(root, b);
        root.optional("timeScale").flatMap(YamlNode::number).ifPresent(k -> timeScale(root.optional("timeScale").get(), k, b));
        Service service = service(root);
        b.dependencies(dependencies(root));
        root.required("dataset", "{preset: mvp|ci|production}").ifPresent(d -> dataset(d, b));
        root.optional("auth").ifPresent(a -> b.auth(auth(a)));
        LoadProfile load = root.required("load", "phases and mix").flatMap(this::load).orElse(null);
        if (load != null) {
            b.load(load);
            root.optional("load").flatMap(l -> l.optional("warmUpSkips"))
                    .ifPresent(w -> b.warmUpSkips(w.stringList().toArray(String[]::new)));
        }
        builds(root, service, b);
        root.optional("healthEndpoints").ifPresent(h -> b.healthEndpoints(h.stringMap()));
        root.optional("finalQueries").ifPresent(q -> b.finalQueries(q.stringMap()));
        Names names = load == null ? null : new Names(load);
        b.faults(root.required("faults", "the fault timeline").map(f -> faults(f, names)).orElse(List.of()).toArray(Fault[]::new));
        root.required("control", "{window: <phase>} or {replay: {dataset: mvp, phase: steady}}").ifPresent(c -> control(c, names, b));
        b.steadyState(expectations(root, "steadyState", names));
        b.signature(expectations(root, "signature", names));
        b.budgets(expectations(root, "budgets", names));
        if (!problems.isEmpty()) {
            throw new IncidentFileException(problems.all());
        }
        try {
            return new LoadedIncident(b.build(), file, service.baseline, service.candidate);
        } catch (IllegalArgumentException e) {
            throw new IncidentFileException(List.of(new Problem(file, 1, 1, "", e.getMessage())));
        }
    }

    private void seed(YamlNode root, Incident.Builder b) {
        String title = root.required("title", "one line").flatMap(YamlNode::text).orElse(null);
        Optional<YamlNode> seed = root.required("seed", "{reference: <where the war story is>, story: <two sentences>}");
        seed.ifPresent(s -> s.onlyKeys("reference", "story"));
        String reference = seed.flatMap(s -> s.required("reference", "file and lines of the post-mortem")).flatMap(YamlNode::text)
                .orElse(null);
        String story = seed.flatMap(s -> s.required("story", "the story in a sentence or two")).flatMap(YamlNode::text).orElse(null);
        b.about(title, reference, story);
    }

    private static void timeScale(YamlNode node, double k, Incident.Builder b) {
        try {
            b.compressible(new TimeScale(k));
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
        }
    }

    /** What both roles' builds share: their jars, JVM options and metrics. */
    private record Service(Optional<Path> baseline, Optional<Path> candidate, List<String> jvmArgs, Metrics metrics) {}

    private Service service(YamlNode root) {
        Optional<YamlNode> service = root.required("service", "how the builds run: baseline, candidate, metrics");
        service.ifPresent(s -> s.onlyKeys("baseline", "candidate", "jvmArgs", "metrics"));
        Optional<Path> baseline = service.flatMap(s -> s.optional("baseline")).flatMap(this::jar);
        Optional<Path> candidate = service.flatMap(s -> s.optional("candidate")).flatMap(this::jar);
        List<String> jvmArgs = service.flatMap(s -> s.optional("jvmArgs")).map(YamlNode::stringList).orElse(List.of());
        Metrics metrics = service.flatMap(s -> s.optional("metrics")).map(this::metrics)
                .orElse(Metrics.micrometer("/metrics", null));
        return new Service(baseline, candidate, jvmArgs, metrics);
    }

    private Optional<Path> jar(YamlNode build) {
        build.onlyKeys("jar");
        return build.required("jar", "the build's runnable jar, relative to this file").flatMap(YamlNode::path);
    }

    private Metrics metrics(YamlNode m) {
        m.onlyKeys("path", "port");
        String path = m.optional("path").flatMap(YamlNode::text).orElse("/metrics");
        String port = m.optional("port").flatMap(YamlNode::text).orElse(null);
        if (!path.startsWith("/")) {
            m.optional("path").get().problem("must start with '/', e.g. /metrics or /actuator/prometheus");
            path = "/metrics";
        }
        return Metrics.micrometer(path, port);
    }

    private List<Dependency> dependencies(YamlNode root) {
        List<Dependency> dependencies = new ArrayList<>();
        root.optional("dependencies").ifPresent(deps -> deps.entries().forEach((name, dep) -> {
            dep.onlyKeys("postgres", "http", "env");
            Map<String, String> env = dep.required("env", "the variables that point the build at it").map(YamlNode::stringMap)
                    .orElse(Map.of());
            if (dep.optional("postgres").isPresent()) {
                dependencies.add(new Dependency.Postgres(name, variable(dep, env, "url"), env.get("user"), env.get("password")));
            } else if (dep.optional("http").isPresent()) {
                dependencies.add(new Dependency.Http(name, variable(dep, env, "url")));
            } else {
                dep.problem("must say what it is: postgres: {} or http: {}");
            }
        }));
        return dependencies;
    }

    private static String variable(YamlNode dep, Map<String, String> env, String key) {
        String variable = env.get(key);
        if (variable == null) {
            dep.problem("env." + key + " is missing: the variable that receives the proxied address");
            return key.toUpperCase(java.util.Locale.ROOT);
        }
        return variable;
    }

    private static void dataset(YamlNode d, Incident.Builder b) {
        d.onlyKeys("preset");
        d.required("preset", "mvp, ci or production").flatMap(p -> p.oneOf("mvp", "ci", "production")).ifPresent(b::dataset);
    }

    private Auth auth(YamlNode a) {
        a.onlyKeys("query", "csv", "headers");
        Map<String, String> headers = a.optional("headers").map(YamlNode::stringMap).orElse(Map.of());
        Optional<String> query = a.optional("query").flatMap(YamlNode::text);
        Optional<Path> csv = a.optional("csv").flatMap(YamlNode::path);
        if (query.isPresent() && csv.isPresent()) {
            a.problem("takes a query or a csv file, not both");
        }
        if (query.isPresent()) {
            return new Auth.Query(query.get(), headers);
        }
        if (csv.isPresent()) {
            return new Auth.Csv(csv.get(), headers);
        }
        return headers.isEmpty() ? Auth.none() : new Auth.Static(headers);
    }

    private Optional<LoadProfile> load(YamlNode l) {
        l.onlyKeys("phases", "mix", "warmUpSkips");
        List<YamlNode> phaseNodes = l.required("phases", "a list of {name, duration, rate}").map(YamlNode::items).orElse(List.of());
        List<Phase> phases = phaseNodes.stream().map(IncidentFile::phase).flatMap(Optional::stream).toList();
        List<YamlNode> requestNodes = l.required("mix", "a list of requests").map(YamlNode::items).orElse(List.of());
        List<RequestSpec> mix = requestNodes.stream().map(IncidentFile::request).flatMap(Optional::stream).toList();
        // a phase or request that did not parse would make every name that refers to it look misspelt
        if (phases.isEmpty() || mix.isEmpty() || phases.size() < phaseNodes.size() || mix.size() < requestNodes.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadProfile(phases, mix));
        } catch (IllegalArgumentException e) {
            l.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Phase> phase(YamlNode p) {
        p.onlyKeys("name", "duration", "rate");
        Optional<String> name = p.required("name", "e.g. steady").flatMap(YamlNode::text);
        Optional<Duration> duration = p.required("duration", "e.g. 60s").flatMap(YamlNode::duration);
        Optional<YamlNode> rate = p.required("rate", "requests per second, or {from: 10, to: 60}");
        Optional<double[]> rates = rate.flatMap(r -> {
            if (r.isMap()) {
                r.onlyKeys("from", "to");
                Optional<Double> from = r.required("from", "req/s at the start").flatMap(YamlNode::number);
                Optional<Double> to = r.required("to", "req/s at the end").flatMap(YamlNode::number);
                return from.isPresent() && to.isPresent() ? Optional.of(new double[] {from.get(), to.get()}) : Optional.empty();
            }
            return r.number().map(v -> new double[] {v, v});
        });
        if (name.isEmpty() || duration.isEmpty() || rates.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Phase(name.get(), duration.get(), rates.get()[0], rates.get()[1]));
        } catch (IllegalArgumentException e) {
            p.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<RequestSpec> request(YamlNode m) {
        m.onlyKeys("name", "weight", "method", "path", "headers", "body", "authenticated", "fallback");
        Optional<String> name = m.required("name", "how the request is reported, e.g. dashboard").flatMap(YamlNode::text);
        double weight = m.optional("weight").flatMap(YamlNode::number).orElse(1.0);
        String method = m.optional("method").flatMap(x -> x.oneOf("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")).orElse("GET");
        Optional<String> path = m.required("path", "e.g. /api/v1/pets?page=1").flatMap(YamlNode::text);
        Map<String, String> headers = m.optional("headers").map(YamlNode::stringMap).orElse(Map.of());
        String body = m.optional("body").flatMap(YamlNode::string).orElse(null);
        boolean authenticated = m.optional("authenticated").flatMap(YamlNode::bool).orElse(true);
        String fallback = m.optional("fallback").flatMap(YamlNode::text).orElse(null);
        if (name.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RequestSpec(name.get(), weight, method, path.get(), headers, body, authenticated, fallback));
        } catch (IllegalArgumentException e) {
            m.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private void builds(YamlNode root, Service service, Incident.Builder b) {
        Optional<YamlNode> builds = root.required("builds", "baseline and candidate: instances, healthCheck, settings");
        builds.ifPresent(x -> x.onlyKeys("baseline", "candidate"));
        Optional<Topology> baseline = builds.flatMap(x -> x.required("baseline", "how the baseline runs")).flatMap(t -> topology(t, service));
        Optional<Topology> candidate = builds.flatMap(x -> x.required("candidate", "how the candidate runs")).flatMap(t -> topology(t, service));
        if (baseline.isPresent() && candidate.isPresent()) {
            b.topologies(baseline.get(), candidate.get());
        }
    }

    private static Optional<Topology> topology(YamlNode t, Service service) {
        t.onlyKeys("instances", "healthCheck", "requestTimeout", "settings");
        Optional<Integer> instances = t.required("instances", "how many behind the load balancer").flatMap(YamlNode::integer);
        Optional<HealthCheck> hc = t.required("healthCheck", "the load balancer's health check").flatMap(IncidentFile::healthCheck);
        Optional<Duration> requestTimeout = t.required("requestTimeout", "the load balancer's idle timeout, e.g. 60s")
                .flatMap(YamlNode::duration);
        Map<String, String> settings = t.optional("settings").map(YamlNode::stringMap).orElse(Map.of());
        if (instances.isEmpty() || hc.isEmpty() || requestTimeout.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Topology(instances.get(), hc.get(), requestTimeout.get(), settings, service.jvmArgs(),
                    service.metrics()));
        } catch (IllegalArgumentException e) {
            t.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<HealthCheck> healthCheck(YamlNode h) {
        h.onlyKeys("path", "interval", "timeout", "healthyThreshold", "unhealthyThreshold", "successCodes");
        Optional<String> path = h.required("path", "e.g. /health/readiness").flatMap(YamlNode::text);
        Optional<Duration> interval = h.required("interval", "e.g. 30s").flatMap(YamlNode::duration);
        Optional<Duration> timeout = h.required("timeout", "e.g. 5s").flatMap(YamlNode::duration);
        int healthy = h.optional("healthyThreshold").flatMap(YamlNode::integer).orElse(5);
        int unhealthy = h.optional("unhealthyThreshold").flatMap(YamlNode::integer).orElse(2);
        String codes = h.optional("successCodes").flatMap(YamlNode::text).orElse("200");
        if (path.isEmpty() || interval.isEmpty() || timeout.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HealthCheck(path.get(), interval.get(), timeout.get(), healthy, unhealthy, codes));
        } catch (IllegalArgumentException e) {
            h.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** The phase and request names of the load, to check every name a fault or expectation uses. */
    record Names(List<String> phases, List<String> requests) {
        Names(LoadProfile load) {
            this(load.phases().stream().map(Phase::name).toList(), load.mix().stream().map(RequestSpec::name).toList());
        }

        boolean phase(YamlNode node, String phase) {
            if (phase.equals(Observations.RUN) || phases.contains(phase)) {
                return true;
            }
            node.problem("names phase '" + phase + "', which the load does not have; phases are " + String.join(", ", phases)
                    + " and " + Observations.RUN);
            return false;
        }

        boolean request(YamlNode node, String request) {
            if (request.equals(RequestStats.ALL) || requests.contains(request)) {
                return true;
            }
            node.problem("names request '" + request + "', which the mix does not have; requests are "
                    + String.join(", ", requests) + " and " + RequestStats.ALL);
            return false;
        }
    }

    private List<Fault> faults(YamlNode list, Names names) {
        List<Fault> faults = new ArrayList<>();
        for (YamlNode f : list.items()) {
            if (f.optional("dataVolume").isPresent()) {
                f.onlyKeys("dataVolume");
                YamlNode v = f.optional("dataVolume").get();
                v.onlyKeys("what", "query", "atLeast");
                Optional<String> what = v.required("what", "e.g. live pets").flatMap(YamlNode::text);
                Optional<String> query = v.required("query", "SQL returning one number").flatMap(YamlNode::text);
                Optional<Double> atLeast = v.required("atLeast", "the rows the fault needs").flatMap(YamlNode::number);
                if (what.isPresent() && query.isPresent() && atLeast.isPresent()) {
                    faults.add(Fault.dataVolume(what.get(), query.get(), atLeast.get().longValue()));
                }
            } else {
                toxic(f, names).ifPresent(faults::add);
            }
        }
        return faults;
    }

    private static final Set<String> TIME_ATTRIBUTES = Set.of("latency", "jitter", "timeout", "delay");

    private static Optional<Fault> toxic(YamlNode f, Names names) {
        f.onlyKeys("toxic", "proxy", "phase", "stream", "toxicity", "name", "attributes");
        Optional<String> type = f.required("toxic", "a Toxiproxy toxic type")
                .flatMap(t -> t.oneOf("latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data"));
        Optional<String> proxy = f.required("proxy", "the dependency's proxy, e.g. postgres").flatMap(YamlNode::text);
        Optional<String> phase = f.required("phase", "when: a phase of the load, or run").flatMap(YamlNode::text)
                .filter(p -> names == null || names.phase(f.optional("phase").get(), p));
        String stream = f.optional("stream").flatMap(s -> s.oneOf("downstream", "upstream")).orElse("downstream");
        float toxicity = f.optional("toxicity").flatMap(YamlNode::number).map(Double::floatValue).orElse(1f);
        Map<String, Long> attributes = new LinkedHashMap<>();
        f.optional("attributes").ifPresent(a -> a.entries().forEach((key, value) -> {
            if (TIME_ATTRIBUTES.contains(key)) {
                value.duration().ifPresent(d -> attributes.put(key, d.toMillis()));
            } else {
                value.number().ifPresent(n -> attributes.put(key, n.longValue()));
            }
        }));
        if (type.isEmpty() || proxy.isEmpty() || phase.isEmpty()) {
            return Optional.empty();
        }
        try {
            ToxicSpec spec = new ToxicSpec(type.get(), stream, toxicity, attributes);
            String name = f.optional("name").flatMap(YamlNode::text).orElse(proxy.get() + "-" + type.get());
            return Optional.of(new Fault.Toxic(proxy.get(), name, spec, phase.get()));
        } catch (IllegalArgumentException e) {
            f.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static void control(YamlNode c, Names names, Incident.Builder b) {
        c.onlyKeys("window", "replay");
        Optional<String> window = c.optional("window").flatMap(YamlNode::text);
        if (window.isPresent()) {
            if (names == null || names.phase(c.optional("window").get(), window.get())) {
                b.control(Control.window(window.get()));
            }
            return;
        }
        Optional<YamlNode> replay = c.optional("replay");
        if (replay.isEmpty()) {
            c.problem("must be {window: <the phase before the fault>} or {replay: {dataset: mvp, phase: steady}}");
            return;
        }
        YamlNode r = replay.get();
        r.onlyKeys("dataset", "phase");
        Optional<String> dataset = r.required("dataset", "the control's dataset preset").flatMap(d -> d.oneOf("mvp", "ci", "production"));
        Optional<String> phase = r.required("phase", "the phase judged in the control replay").flatMap(YamlNode::text)
                .filter(p -> names == null || names.phase(r.optional("phase").get(), p));
        if (dataset.isPresent() && phase.isPresent()) {
            b.control(Control.replay(dataset.get(), phase.get()));
        }
    }

    private Expectation[] expectations(YamlNode root, String key, Names names) {
        Optional<YamlNode> list = root.required(key, "a list of expectations");
        List<Expectation> expectations = new ArrayList<>();
        list.ifPresent(l -> l.items().forEach(e -> Expectations.read(e, names).ifPresent(expectations::add)));
        return expectations.toArray(Expectation[]::new);
    }

    /** Parses a file's YAML, with the line of any syntax error. */
    static Node parse(Path file, Problems problems) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                problems.add(new Problem(file, 1, 1, "", "the file is empty; an incident file starts with 'format: " + FORMAT + "'"));
            }
            return node;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(new Problem(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "",
                    "not valid YAML: " + e.getProblem()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 1, 1, "", "cannot read the file: " + e.getMessage()));
            return null;
        }
    }
}
