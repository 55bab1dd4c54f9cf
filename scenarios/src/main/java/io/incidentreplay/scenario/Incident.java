package io.incidentreplay.scenario;

import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.seed.DatasetSource;
import io.incidentreplay.seed.DatasetSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One replayable story: what happened (the seed reference), the data it needs, how each build runs,
 * the load, the faults on a timeline, and what each build must show — the baseline its
 * {@link #signature()}, the candidate its {@link #budgets()} — and, before either is judged, the
 * {@link #steadyState()} that must hold in the {@link #control()}. All times are incident time; the
 * replay's time scale shortens them.
 *
 * <p>{@link #healthEndpoints()} are sampled on every instance during the replay (series
 * {@code health.<name>.ok} and {@code health.<name>.ms}); {@link #finalQueries()} run once against the
 * replay's database after the load (series name to a SQL query returning one number), e.g. to count
 * the rows the acknowledged writes should have left. {@link #warmUpSkips()} are requests of the mix
 * the instances are not warmed with, because they are the fault (pool-exhaustion's unbounded list).
 *
 * <p>Build one with {@link #builder(String)}; {@link Builder#build()} checks every phase and request
 * an expectation or fault names against the load, so a misspelt phase fails before anything runs.
 */
public final class Incident {

    private final String id;
    private final String title;
    private final String seedReference;
    private final String story;
    private final DatasetSource dataset;
    private final Topology baselineTopology;
    private final Topology candidateTopology;
    private final LoadProfile load;
    private final Auth auth;
    private final List<Dependency> dependencies;
    private final List<Fault> faults;
    private final List<Expectation> steadyState;
    private final Control control;
    private final List<Expectation> signature;
    private final List<Expectation> budgets;
    private final boolean validUnderCompression;
    private final TimeScale defaultTimeScale;
    private final Map<String, String> healthEndpoints;
    private final Map<String, String> finalQueries;
    private final Set<String> warmUpSkips;
    private final LogWatch logs;
    private final Costs costs;
    private final StorageWatch storage;
    private final StorageCosts storageCosts;

    private Incident(Builder b) {
        id = b.id;
        title = b.title;
        seedReference = b.seedReference;
        story = b.story;
        dataset = b.dataset;
        baselineTopology = b.baselineTopology;
        candidateTopology = b.candidateTopology;
        load = b.load;
        auth = b.auth;
        dependencies = List.copyOf(b.dependencies);
        faults = List.copyOf(b.faults);
        steadyState = List.copyOf(b.steadyState);
        control = b.control;
        signature = List.copyOf(b.signature);
        budgets = List.copyOf(b.budgets);
        validUnderCompression = b.validUnderCompression;
        defaultTimeScale = b.defaultTimeScale;
        healthEndpoints = Map.copyOf(b.healthEndpoints);
        finalQueries = Map.copyOf(b.finalQueries);
        warmUpSkips = Set.copyOf(b.warmUpSkips);
        logs = b.logs;
        costs = b.costs;
        storage = b.storage;
        storageCosts = b.storageCosts;
    }

    /** A new incident with this id: lower-case words joined by '-', e.g. {@code weather-cascade}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding everything of this incident, to change one thing. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.title = title;
        b.seedReference = seedReference;
        b.story = story;
        b.dataset = dataset;
        b.baselineTopology = baselineTopology;
        b.candidateTopology = candidateTopology;
        b.load = load;
        b.auth = auth;
        b.dependencies = new ArrayList<>(dependencies);
        b.faults = new ArrayList<>(faults);
        b.steadyState = new ArrayList<>(steadyState);
        b.control = control;
        b.signature = new ArrayList<>(signature);
        b.budgets = new ArrayList<>(budgets);
        b.validUnderCompression = validUnderCompression;
        b.defaultTimeScale = defaultTimeScale;
        b.healthEndpoints = new LinkedHashMap<>(healthEndpoints);
        b.finalQueries = new LinkedHashMap<>(finalQueries);
        b.warmUpSkips = new ArrayList<>(warmUpSkips);
        b.logs = logs;
        b.costs = costs;
        b.storage = storage;
        b.storageCosts = storageCosts;
        return b;
    }

    public String id() { return id; }

    public String title() { return title; }

    public String seedReference() { return seedReference; }

    public String story() { return story; }

    /** The data the incident needs: a seeder preset such as {@code production}, or a SQL script. */
    public DatasetSource dataset() { return dataset; }

    public LoadProfile load() { return load; }

    /** How the load authenticates, and the feeder its requests draw their fields from. */
    public Auth auth() { return auth; }

    /** What the builds call, each behind a fault proxy of its name, and the variables that point them at it. */
    public List<Dependency> dependencies() { return dependencies; }

    public List<Fault> faults() { return faults; }

    /** What must hold in the control before the signature or the budgets mean anything. */
    public List<Expectation> steadyState() { return steadyState; }

    public Control control() { return control; }

    public List<Expectation> signature() { return signature; }

    public List<Expectation> budgets() { return budgets; }

    public boolean validUnderCompression() { return validUnderCompression; }

    public TimeScale defaultTimeScale() { return defaultTimeScale; }

    public Map<String, String> healthEndpoints() { return healthEndpoints; }

    public Map<String, String> finalQueries() { return finalQueries; }

    public Set<String> warmUpSkips() { return warmUpSkips; }

    /** What the replay reads in the builds' log output; empty when the incident is not about logging. */
    public Optional<LogWatch> logs() { return Optional.ofNullable(logs); }

    /** The traffic and prices its measurements are projected to a monthly bill with; empty when it has none. */
    public Optional<Costs> costs() { return Optional.ofNullable(costs); }

    /** What the replay reads in an S3 bucket after the load; empty when the incident is not about storage. */
    public Optional<StorageWatch> storage() { return Optional.ofNullable(storage); }

    /** The uploads and price stored bytes are projected to a monthly bill with; empty when it has none. */
    public Optional<StorageCosts> storageCosts() { return Optional.ofNullable(storageCosts); }

    /** The topology of the given build role. */
    public Topology topology(Role role) {
        return role == Role.BASELINE ? baselineTopology : candidateTopology;
    }

    /** The phase of the first fault applied on the timeline, if one is applied at a phase's start. */
    public Optional<String> firstFaultPhase() {
        return firstFaultPhase(load, faults);
    }

    /** The proxy a toxic or an outage acts on. */
    private static Optional<String> proxyOf(Fault fault) {
        if (fault instanceof Fault.Toxic toxic) {
            return Optional.of(toxic.proxy());
        }
        return fault instanceof Fault.Outage outage ? Optional.of(outage.proxy()) : Optional.empty();
    }

    private static Optional<String> firstFaultPhase(LoadProfile load, List<Fault> faults) {
        List<String> phases = load.phases().stream().map(Phase::name).toList();
        return faults.stream().map(Fault::phase).filter(phases::contains).min(Comparator.comparingInt(phases::indexOf));
    }

    @Override
    public String toString() {
        return "Incident[" + id + "]";
    }

    /** The two builds a replay compares. */
    public enum Role {
        /** The build the incident happened on: it must reproduce the signature. */
        BASELINE,
        /** The build that claims to fix it: it must meet the budgets. */
        CANDIDATE
    }

    /** Collects an incident's parts; {@link #build()} checks them together. */
    public static final class Builder {
        private final String id;
        private String title;
        private String seedReference;
        private String story;
        private DatasetSource dataset;
        private Topology baselineTopology;
        private Topology candidateTopology;
        private LoadProfile load;
        private Auth auth = Auth.none();
        private List<Dependency> dependencies = new ArrayList<>();
        private List<Fault> faults = new ArrayList<>();
        private List<Expectation> steadyState = new ArrayList<>();
        private Control control;
        private List<Expectation> signature = new ArrayList<>();
        private List<Expectation> budgets = new ArrayList<>();
        private boolean validUnderCompression;
        private TimeScale defaultTimeScale = TimeScale.REAL_TIME;
        private Map<String, String> healthEndpoints = new LinkedHashMap<>();
        private Map<String, String> finalQueries = new LinkedHashMap<>();
        private List<String> warmUpSkips = new ArrayList<>();
        private LogWatch logs;
        private Costs costs;
        private StorageWatch storage;
        private StorageCosts storageCosts;

        private Builder(String id) {
            this.id = id;
        }

        /** The one-line title, the seed reference (file and lines) and the story in two sentences. */
        public Builder about(String title, String seedReference, String story) {
            this.title = title;
            this.seedReference = seedReference;
            this.story = story;
            return this;
        }

        /** A seeder preset: {@code mvp}, {@code ci} or {@code production}. */
        public Builder dataset(String preset) {
            try {
                this.dataset = DatasetSource.preset(preset);
            } catch (RuntimeException e) {
                throw fail("dataset: " + e.getMessage());
            }
            return this;
        }

        public Builder dataset(DatasetSource source) {
            this.dataset = source;
            return this;
        }

        public Builder topologies(Topology baseline, Topology candidate) {
            this.baselineTopology = baseline;
            this.candidateTopology = candidate;
            return this;
        }

        public Builder load(LoadProfile load) {
            this.load = load;
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        public Builder dependencies(List<Dependency> dependencies) {
            this.dependencies = new ArrayList<>(dependencies);
            return this;
        }

        public Builder faults(Fault... faults) {
            this.faults = new ArrayList<>(List.of(faults));
            return this;
        }

        public Builder steadyState(Expectation... hypothesis) {
            this.steadyState = new ArrayList<>(List.of(hypothesis));
            return this;
        }

        public Builder control(Control control) {
            this.control = control;
            return this;
        }

        public Builder signature(Expectation... signature) {
            this.signature = new ArrayList<>(List.of(signature));
            return this;
        }

        public Builder budgets(Expectation... budgets) {
            this.budgets = new ArrayList<>(List.of(budgets));
            return this;
        }

        /** Valid under compression, replayed by default at this time scale; without it, only in real time. */
        public Builder compressible(TimeScale defaultTimeScale) {
            this.validUnderCompression = true;
            this.defaultTimeScale = defaultTimeScale;
            return this;
        }

        public Builder healthEndpoints(Map<String, String> endpoints) {
            this.healthEndpoints = new LinkedHashMap<>(endpoints);
            return this;
        }

        public Builder finalQueries(Map<String, String> queries) {
            this.finalQueries = new LinkedHashMap<>(queries);
            return this;
        }

        public Builder logs(LogWatch logs) {
            this.logs = logs;
            return this;
        }

        public Builder costs(Costs costs) {
            this.costs = costs;
            return this;
        }

        public Builder storage(StorageWatch storage) {
            this.storage = storage;
            return this;
        }

        public Builder storageCosts(StorageCosts storageCosts) {
            this.storageCosts = storageCosts;
            return this;
        }

        public Builder warmUpSkips(String... requests) {
            this.warmUpSkips = new ArrayList<>(List.of(requests));
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the field and what is allowed, when a part is
         *     missing, or names a phase or request the load does not have
         */
        public Incident build() {
            if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("incident id must be lower-case words joined by '-', e.g. "
                        + "'weather-cascade', but was '" + id + "'");
            }
            require(title, "title (about)");
            require(seedReference, "seedReference (about)");
            require(story, "story (about)");
            require(baselineTopology, "topologies");
            require(candidateTopology, "topologies");
            require(load, "load");
            require(auth, "auth");
            require(control, "control: the window or replay in which the steady state must hold and the signature must not");
            require(dataset, "dataset");
            if (signature.isEmpty()) {
                throw fail("signature is empty: a replay that cannot fail on the baseline proves nothing");
            }
            if (budgets.isEmpty()) {
                throw fail("budgets are empty: the candidate needs at least one");
            }
            if (steadyState.isEmpty()) {
                throw fail("steadyState is empty: say what must hold before the fault (healthy targets, errors, p99)");
            }
            faults.forEach(f -> checkPhase("faults", f.phase()));
            List<String> proxies = dependencies.stream().map(Dependency::name).toList();
            if (proxies.stream().distinct().count() != proxies.size()) {
                throw fail("dependencies: each needs a name of its own, but they are " + proxies);
            }
            faults.stream().map(Incident::proxyOf).flatMap(Optional::stream)
                    .filter(p -> !proxies.contains(p)).findFirst().ifPresent(p -> {
                        throw fail("faults: a fault on proxy '" + p + "', but the dependencies are " + proxies
                                + "; a fault acts on one of them");
                    });
            int fewest = Math.min(baselineTopology.instances(), candidateTopology.instances());
            faults.stream().filter(f -> f instanceof Fault.Replace).flatMap(f -> ((Fault.Replace) f).instances().stream())
                    .filter(i -> i < 0 || i >= fewest).findFirst().ifPresent(i -> {
                        throw fail("faults: replace names instance " + i + ", but the builds have " + baselineTopology.instances() + " and "
                                + candidateTopology.instances() + " instances (indexes from 0); name one of 0.." + (fewest - 1) + ", or all");
                    });
            if (storage != null && dependencies.stream().noneMatch(d -> d instanceof Dependency.S3 && d.name().equals(storage.dependency()))) {
                throw fail("storage.dependency is '" + storage.dependency() + "', but the S3 dependencies are "
                        + dependencies.stream().filter(d -> d instanceof Dependency.S3).map(Dependency::name).toList()
                        + "; name one, or add it under dependencies with s3: {bucket: ...}");
            }
            List<String> toxicNames = faults.stream().filter(f -> f instanceof Fault.Toxic).map(f -> (Fault.Toxic) f)
                    .map(t -> t.proxy() + "/" + t.name()).toList();
            toxicNames.stream().filter(n -> toxicNames.indexOf(n) != toxicNames.lastIndexOf(n)).findFirst().ifPresent(n -> {
                throw fail("faults: two toxics are named '" + n + "'; a proxy's toxics need names of their own "
                        + "(Fault.toxic names them <proxy>-<type>: give the second one a name with new Fault.Toxic(...))");
            });
            checkExpectations("steadyState", steadyState);
            checkExpectations("signature", signature);
            checkExpectations("budgets", budgets);
            checkControl();
            steadyState.forEach(e -> e.phase().filter(p -> !p.equals(control.phase())).ifPresent(p -> {
                throw fail("steadyState '" + e.description() + "' names phase '" + p + "', but the hypothesis is judged "
                        + "over the control's phase '" + control.phase() + "'");
            }));
            warmUpSkips.forEach(r -> checkRequest("warmUpSkips", r));
            return new Incident(this);
        }

        private void checkControl() {
            checkPhase("control", control.phase());
            if (control instanceof Control.Window window) {
                List<String> phases = load.phases().stream().map(Phase::name).toList();
                String first = firstFaultPhase(load, faults).orElseThrow(() -> fail("control: a control window "
                        + "needs a fault applied at the start of a phase after it; the faults " + faults
                        + " start with the load — use Control.replay instead"));
                if (phases.indexOf(window.phase()) != phases.indexOf(first) - 1) {
                    throw fail("control: the control window '" + window.phase() + "' must be the phase just before the "
                            + "first fault's phase '" + first + "'");
                }
            } else if (control instanceof Control.None && !faults.isEmpty()) {
                throw fail("control: none is for an incident whose fault is the build itself, with no fault of the "
                        + "timeline; with faults " + faults + " use a control window before the first one");
            } else if (control instanceof Control.Replay replay) {
                try {
                    DatasetSpec.preset(replay.dataset());
                } catch (RuntimeException e) {
                    throw fail("control: " + e.getMessage());
                }
            }
        }

        private void checkExpectations(String field, List<Expectation> expectations) {
            for (int i = 0; i < expectations.size(); i++) {
                Expectation e = expectations.get(i);
                String where = field + "[" + i + "] '" + e.description() + "'";
                e.phase().ifPresent(p -> checkPhase(where, p));
                e.request().ifPresent(r -> checkRequest(where, r));
            }
        }

        private void checkPhase(String where, String phase) {
            if (Observations.RUN.equals(phase)) {
                return;
            }
            Set<String> phases = load.phases().stream().map(Phase::name).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!phases.contains(phase)) {
                phases.add(Observations.RUN);
                throw fail(where + " names phase '" + phase + "', which the load does not have; phases are "
                        + String.join(", ", phases));
            }
        }

        private void checkRequest(String where, String request) {
            if (RequestStats.ALL.equals(request)) {
                return;
            }
            List<String> names = load.mix().stream().map(RequestSpec::name).toList();
            if (!names.contains(request)) {
                throw fail(where + " names request '" + request + "', which the mix does not have; requests are "
                        + String.join(", ", names) + " and " + RequestStats.ALL);
            }
        }

        private void require(Object value, String field) {
            if (value == null) {
                throw fail(field + " is missing");
            }
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("incident '" + id + "': " + what);
        }
    }
}
