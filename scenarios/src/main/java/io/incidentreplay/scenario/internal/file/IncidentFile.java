package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.scenario.Auth;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Control;
import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.Costs;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.StorageCosts;
import io.incidentreplay.scenario.StorageWatch;
import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.TimeScale;
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
            "logs", "storage", "costs", "faults", "steadyState", "control", "signature", "budgets"));

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
    public record LoadedIncident(Incident incident, Path file, Optional<Build> baseline, Optional<Build> candidate) {}

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
        DeploymentSection.Service service = DeploymentSection.service(root);
        List<Dependency> dependencies = DeploymentSection.dependencies(root);
        b.dependencies(dependencies);
        root.required("dataset", "{preset: mvp|ci|production} or {sql: <file>}").ifPresent(d -> DeploymentSection.dataset(d, b));
        Optional<Auth> auth = root.optional("auth").map(DeploymentSection::auth);
        auth.ifPresent(b::auth);
        LoadProfile load = root.required("load", "phases and mix").flatMap(LoadSection::load).orElse(null);
        if (load != null) {
            b.load(load);
            root.optional("load").flatMap(l -> l.optional("warmUpSkips"))
                    .ifPresent(w -> b.warmUpSkips(w.stringList().toArray(String[]::new)));
        }
        DeploymentSection.builds(root, service, b);
        root.optional("healthEndpoints").ifPresent(h -> b.healthEndpoints(h.stringMap()));
        root.optional("finalQueries").ifPresent(q -> b.finalQueries(q.stringMap()));
        Optional<LogWatch> logs = root.optional("logs").flatMap(IncidentFile::logs);
        logs.ifPresent(b::logs);
        if (load != null && logs.isPresent()) {
            checkSentByTheLoad(root.optional("logs").get(), logs.get(), load, auth.map(Auth::headers).orElse(Map.of()));
        }
        Optional<StorageWatch> storage = root.optional("storage").flatMap(IncidentFile::storage);
        storage.ifPresent(b::storage);
        if (load != null && storage.isPresent() && load.mix().stream().noneMatch(r -> r.upload() != null)) {
            root.optional("storage").get().problem("reads what the uploads stored, but no request of the mix uploads a file: "
                    + "give one an upload: {field, file, ...}");
        }
        Optional<YamlNode> costsNode = root.optional("costs");
        Optional<Costs> costs = costsNode.filter(c -> c.optional("traffic").isPresent() || c.optional("logIngestion").isPresent())
                .flatMap(IncidentFile::costs);
        costs.ifPresent(b::costs);
        Optional<StorageCosts> storageCosts = costsNode
                .filter(c -> c.optional("storedUploads").isPresent() || c.optional("storage").isPresent())
                .flatMap(IncidentFile::storageCosts);
        storageCosts.ifPresent(b::storageCosts);
        costsNode.ifPresent(c -> c.onlyKeys("traffic", "logIngestion", "storedUploads", "storage"));
        // a section that is there but wrong is reported once, not again by every measure that reads it
        Names names = load == null ? null : new Names(load, root.optional("logs").isPresent(),
                logs.map(l -> l.canaries().size()).orElse(-1), costsNode.isPresent(), costs.orElse(null),
                root.optional("storage").isPresent(), storage.orElse(null), storageCosts.orElse(null),
                dependencies.stream().filter(d -> d instanceof Dependency.CloudWatchLogs).map(Dependency::name).toList());
        b.faults(root.required("faults", "the fault timeline").map(f -> faults(f, names)).orElse(List.of()).toArray(Fault[]::new));
        root.required("control", "{window: <phase>}, {replay: {dataset: mvp, phase: steady}} or {none: {phase, reason}}").ifPresent(c -> control(c, names, b));
        b.steadyState(expectations(root, "steadyState", names));
        b.signature(expectations(root, "signature", names));
        b.budgets(expectations(root, "budgets", names));
        if (!problems.isEmpty()) {
            throw new IncidentFileException(problems.all());
        }
        try {
            return new LoadedIncident(b.build(), file, service.baseline(), service.candidate());
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

    /** {@code logs: {requestId: X-Request-Id, canaries: [...]}}. */
    private static Optional<LogWatch> logs(YamlNode node) {
        node.onlyKeys("requestId", "canaries");
        String header = node.optional("requestId").flatMap(YamlNode::text).orElse("X-Request-Id");
        List<String> canaries = node.optional("canaries").map(YamlNode::stringList).orElse(List.of());
        try {
            return Optional.of(new LogWatch(header, canaries));
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Each canary must be something the load sends (in a header, a body or a path), or finding none
     * in the logs proves nothing; and the load's own headers must not set the request id, which the
     * harness sets per request.
     */
    private static void checkSentByTheLoad(YamlNode node, LogWatch logs, LoadProfile load, Map<String, String> authHeaders) {
        List<String> sent = new ArrayList<>();
        for (RequestSpec r : load.mix()) {
            sent.add(r.path());
            sent.add(r.body() == null ? "" : r.body());
            sent.addAll(r.headers().values());
            if (r.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase(logs.requestIdHeader()))) {
                node.problem("request '" + r.name() + "' sets " + logs.requestIdHeader() + " itself, but that is the header "
                        + "in which the harness gives each request its own id (logs.requestId): leave it out of the headers");
            }
        }
        sent.addAll(authHeaders.values());
        for (String canary : logs.canaries()) {
            if (sent.stream().noneMatch(v -> v.contains(canary))) {
                node.problem("canary '" + canary + "' is not sent by the load: put it in a header or body of the mix "
                        + "(load.headers for every request), or finding none in the logs proves nothing");
            }
        }
    }

    /**
     * {@code storage: {dependency, variants: {suffix: WxH}, headers: {..}, metadata: [..], lifecycle: [..]}}.
     */
    private static Optional<StorageWatch> storage(YamlNode node) {
        node.onlyKeys("dependency", "variants", "headers", "metadata", "lifecycle");
        Optional<String> dependency = node.required("dependency", "the S3 dependency whose bucket is read, e.g. uploads")
                .flatMap(YamlNode::text);
        Map<String, StorageWatch.Size> variants = new LinkedHashMap<>();
        node.optional("variants").ifPresent(v -> v.entries().forEach((suffix, size) -> size.text().ifPresent(text -> {
            try {
                variants.put(suffix, StorageWatch.Size.parse(text));
            } catch (IllegalArgumentException e) {
                size.problem(e.getMessage());
            }
        })));
        Map<String, String> headers = node.optional("headers").map(YamlNode::stringMap).orElse(Map.of());
        List<String> metadata = node.optional("metadata").map(YamlNode::stringList).orElse(List.of());
        List<String> lifecycle = node.optional("lifecycle").map(YamlNode::stringList).orElse(List.of());
        if (dependency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StorageWatch(dependency.get(), variants, headers, metadata, lifecycle));
        } catch (IllegalArgumentException e) {
            node.optional("lifecycle").orElse(node).problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code costs: {storedUploads: {count, source}, storage: {usdPerGBMonth, source}}}. */
    private static Optional<StorageCosts> storageCosts(YamlNode node) {
        Optional<YamlNode> uploads = node.required("storedUploads", "{count: <uploads production's bucket holds>, source: <where>}");
        Optional<YamlNode> price = node.required("storage", "{usdPerGBMonth: <price>, source: <the price list>}");
        uploads.ifPresent(u -> u.onlyKeys("count", "source"));
        price.ifPresent(p -> p.onlyKeys("usdPerGBMonth", "source"));
        Optional<Double> count = uploads.flatMap(u -> u.required("count", "how many uploads")).flatMap(YamlNode::number);
        Optional<String> countSource = uploads.flatMap(u -> u.required("source", "where the number comes from")).flatMap(YamlNode::text);
        Optional<Double> usd = price.flatMap(p -> p.required("usdPerGBMonth", "dollars per GB-month")).flatMap(YamlNode::number);
        Optional<String> priceSource = price.flatMap(p -> p.required("source", "where the price comes from")).flatMap(YamlNode::text);
        if (count.isEmpty() || countSource.isEmpty() || usd.isEmpty() || priceSource.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StorageCosts(count.get(), countSource.get(), usd.get(), priceSource.get()));
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code costs: {traffic: {rate, source}, logIngestion: {usdPerGB, source}}}. */
    private static Optional<Costs> costs(YamlNode node) {
        Optional<YamlNode> traffic = node.required("traffic", "{rate: <production req/s>, source: <where it comes from>}");
        Optional<YamlNode> logs = node.required("logIngestion", "{usdPerGB: <price>, source: <the price list>}");
        traffic.ifPresent(t -> t.onlyKeys("rate", "source"));
        logs.ifPresent(l -> l.onlyKeys("usdPerGB", "source"));
        Optional<Double> rate = traffic.flatMap(t -> t.required("rate", "production requests per second")).flatMap(YamlNode::number);
        Optional<String> rateSource = traffic.flatMap(t -> t.required("source", "where the rate comes from")).flatMap(YamlNode::text);
        Optional<Double> price = logs.flatMap(l -> l.required("usdPerGB", "dollars per GB ingested")).flatMap(YamlNode::number);
        Optional<String> priceSource = logs.flatMap(l -> l.required("source", "where the price comes from")).flatMap(YamlNode::text);
        if (rate.isEmpty() || rateSource.isEmpty() || price.isEmpty() || priceSource.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Costs(rate.get(), rateSource.get(), price.get(), priceSource.get()));
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The phase and request names of the load, to check every name a fault or expectation uses, and
     * whether the log and cost measures have what they read ({@code canaries} is -1 when the logs
     * section is missing or wrong, which is reported once, by itself).
     */
    record Names(List<String> phases, List<String> requests, boolean watchesLogs, int canaries, boolean costsGiven,
            Costs costs, boolean storageGiven, StorageWatch storage, StorageCosts storageCosts, List<String> logGroupDependencies) {
        Names(LoadProfile load, boolean watchesLogs, int canaries, boolean costsGiven, Costs costs, boolean storageGiven,
                StorageWatch storage, StorageCosts storageCosts, List<String> logGroupDependencies) {
            this(load.phases().stream().map(Phase::name).toList(), load.mix().stream().map(RequestSpec::name).toList(),
                    watchesLogs, canaries, costsGiven, costs, storageGiven, storage, storageCosts, logGroupDependencies);
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
                Optional<String> what = v.required("what", "e.g. live orders").flatMap(YamlNode::text);
                Optional<String> query = v.required("query", "SQL returning one number").flatMap(YamlNode::text);
                Optional<Double> atLeast = v.required("atLeast", "the rows the fault needs").flatMap(YamlNode::number);
                if (what.isPresent() && query.isPresent() && atLeast.isPresent()) {
                    faults.add(Fault.dataVolume(what.get(), query.get(), atLeast.get().longValue()));
                }
            } else if (f.optional("outage").isPresent()) {
                outage(f, names).ifPresent(faults::add);
            } else if (f.optional("replace").isPresent() || f.optional("scaleIn").isPresent()) {
                replace(f, names).ifPresent(faults::add);
            } else {
                toxic(f, names).ifPresent(faults::add);
            }
        }
        return faults;
    }

    /** {@code {outage: postgres, phase: fault}}: the proxy is down for the phase. */
    private static Optional<Fault> outage(YamlNode f, Names names) {
        f.onlyKeys("outage", "phase");
        Optional<String> proxy = f.required("outage", "the dependency's proxy that goes down, e.g. postgres").flatMap(YamlNode::text);
        Optional<String> phase = phaseOfTheLoad(f, names, "when: a phase of the load", "an outage lasts a phase of the load, "
                + "not the whole run: the builds must start, and be steady, with their dependency there");
        return proxy.isPresent() && phase.isPresent() ? Optional.of(new Fault.Outage(proxy.get(), phase.get())) : Optional.empty();
    }

    /**
     * {@code {replace: all, phase: deploy, killAfter: 30s}} or {@code {replace: [1], ...}}: the instances
     * replaced one after another from the phase's start; SIGKILL after {@code killAfter} (30 s, ECS's
     * stopTimeout and Kubernetes' grace period, when left out); {@code awaitHealthy: false} for
     * replacements that are only started and registered, not waited for. {@code {scaleIn: [2], ...}}:
     * the same stop, and nothing in its place.
     */
    private static Optional<Fault> replace(YamlNode f, Names names) {
        boolean scaleIn = f.optional("scaleIn").isPresent();
        String key = scaleIn ? "scaleIn" : "replace";
        if (scaleIn) {
            f.onlyKeys("scaleIn", "phase", "killAfter");
        } else {
            f.onlyKeys("replace", "phase", "killAfter", "awaitHealthy");
        }
        Optional<List<Integer>> instances = instances(f.optional(key).get(), scaleIn);
        Optional<String> phase = phaseOfTheLoad(f, names, "when the first instance is stopped: a phase of the load",
                "a " + (scaleIn ? "scale-in" : "replacement") + " starts at a phase of the load, not the whole run: the builds "
                        + "must start, and be steady, before their instances are stopped");
        Duration killAfter = f.optional("killAfter").flatMap(YamlNode::duration).orElse(Duration.ofSeconds(30));
        Fault.Successor successor = scaleIn ? Fault.Successor.NONE
                : f.optional("awaitHealthy").flatMap(YamlNode::bool).orElse(true) ? Fault.Successor.HEALTHY : Fault.Successor.STARTED;
        return instances.isPresent() && phase.isPresent()
                ? Optional.of(new Fault.Replace(instances.get(), killAfter, phase.get(), successor)) : Optional.empty();
    }

    /** {@code all} (empty), or a list of indexes from 0. */
    private static Optional<List<Integer>> instances(YamlNode which, boolean scaleIn) {
        if (!which.isList()) {
            if (scaleIn) {
                which.problem("a scale-in of every instance leaves none to judge: give the indexes it stops, e.g. [2]");
                return Optional.empty();
            }
            return which.oneOf("all").map(all -> List.of());
        }
        List<Integer> indexes = new ArrayList<>();
        which.items().forEach(i -> i.integer().ifPresent(indexes::add));
        if (indexes.isEmpty()) {
            which.problem("names no instance: give their indexes from 0, e.g. [0, 1]" + (scaleIn ? "" : ", or all"));
        }
        return indexes.size() == which.items().size() && !indexes.isEmpty() ? Optional.of(indexes) : Optional.empty();
    }

    /** A fault's {@code phase}, which must name a phase of the load: {@code run} is refused with {@code whyNotRun}. */
    private static Optional<String> phaseOfTheLoad(YamlNode f, Names names, String what, String whyNotRun) {
        Optional<String> phase = f.required("phase", what).flatMap(YamlNode::text)
                .filter(p -> names == null || names.phase(f.optional("phase").get(), p));
        if (phase.filter(Observations.RUN::equals).isPresent()) {
            f.optional("phase").get().problem(whyNotRun);
            return Optional.empty();
        }
        return phase;
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
            if (key.equals("delay") && type.filter("slicer"::equals).isPresent()) {
                value.duration().ifPresent(d -> attributes.put(key, d.toNanos() / 1_000)); // the slicer's delay is in µs
            } else if (TIME_ATTRIBUTES.contains(key)) {
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
            Optional<String> unsafe = spec.problem();
            if (unsafe.isPresent()) {
                f.optional("attributes").orElse(f).problem(unsafe.get());
                return Optional.empty();
            }
            String name = f.optional("name").flatMap(YamlNode::text).orElse(proxy.get() + "-" + type.get());
            return Optional.of(new Fault.Toxic(proxy.get(), name, spec, phase.get()));
        } catch (IllegalArgumentException e) {
            f.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static void control(YamlNode c, Names names, Incident.Builder b) {
        c.onlyKeys("window", "replay", "none");
        if (c.isMap() && c.entries().size() > 1) {
            c.problem("must be one of window, replay or none, but has " + String.join(", ", c.entries().keySet()));
            return;
        }
        Optional<YamlNode> none = c.optional("none");
        if (none.isPresent()) {
            YamlNode n = none.get();
            n.onlyKeys("phase", "reason");
            Optional<String> phase = n.required("phase", "the phase the steady state is judged over").flatMap(YamlNode::text)
                    .filter(p -> names == null || names.phase(n.optional("phase").get(), p));
            Optional<String> reason = n.required("reason", "why no window or replay can be the control").flatMap(YamlNode::text)
                    .filter(r -> !r.isBlank());
            if (phase.isPresent() && reason.isPresent()) {
                b.control(Control.none(phase.get(), reason.get()));
            }
            return;
        }
        Optional<String> window = c.optional("window").flatMap(YamlNode::text);
        if (window.isPresent()) {
            if (names == null || names.phase(c.optional("window").get(), window.get())) {
                b.control(Control.window(window.get()));
            }
            return;
        }
        Optional<YamlNode> replay = c.optional("replay");
        if (replay.isEmpty()) {
            c.problem("must be {window: <the phase before the fault>}, {replay: {dataset: mvp, phase: steady}} or "
                    + "{none: {phase: warm-up, reason: <why nothing can be the control>}}");
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
