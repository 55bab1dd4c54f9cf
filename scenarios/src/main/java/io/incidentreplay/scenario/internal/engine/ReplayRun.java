package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import java.net.InetSocketAddress;
import io.incidentreplay.fixtures.environment.faultplane.DependencyProxy;
import io.incidentreplay.fixtures.environment.launch.BuildInstance;
import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import io.incidentreplay.fixtures.environment.storage.S3Buckets;
import io.incidentreplay.fixtures.environment.stub.HttpStub;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.Upload;
import io.incidentreplay.scenario.internal.load.UploadFiles;
import io.incidentreplay.fixtures.loadbalancer.HealthCheckConfig;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancer;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancerConfig;
import io.incidentreplay.report.HtmlReport;
import io.incidentreplay.scenario.ReplayEngine.Request;
import io.incidentreplay.scenario.ReplayResult.WarmUp;
import io.incidentreplay.scenario.Auth;
import io.incidentreplay.seed.DatasetSource;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Control;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.HealthCheck;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.scenario.internal.load.AccessLogRecords;
import io.incidentreplay.scenario.internal.load.GatlingDriver;
import io.incidentreplay.scenario.internal.load.LoadPlan;
import io.incidentreplay.scenario.internal.load.LoadStop;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.probe.DependencyCallsProbe;
import io.incidentreplay.scenario.internal.probe.LogVolumeProbe;
import io.incidentreplay.scenario.internal.probe.HealthEndpointProbe;
import io.incidentreplay.scenario.internal.probe.MachineProbe;
import io.incidentreplay.scenario.internal.probe.MetricsProbe;
import io.incidentreplay.scenario.internal.probe.PgActivityProbe;
import io.incidentreplay.scenario.internal.probe.Probe;
import io.incidentreplay.scenario.internal.probe.ProbeSampler;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import io.incidentreplay.scenario.FaultCheck;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;

/**
 * The state of one replay, so that a failure at any step still yields a result: the replay's
 * database, the deployment (instances, warm-up, load balancer), the probes, the load with its fault
 * timeline and steady-state gate, and teardown. Judging what it observed is {@link ReplayVerdict}'s.
 *
 * <p>Over 300 lines because the steps share the state that teardown and an abort from another
 * thread must see (hence the volatile fields); each step is a short method, in the order a replay
 * runs them.
 */
public final class ReplayRun {

    /** How long Ctrl-C waits for a replay that is already finishing. */
    private static final long ABORT_GRACE_SECONDS = 15;

    final ReplayEnvironment environment;
    final Request request;
    final Incident incident;
    final Topology topology;
    /** The incident in real time at the request's time scale: phases, windows, timeouts. */
    final Plan plan;
    final String label;
    final Path directory;
    final PrintStream progress;
    /** The control replay this baseline was compared with, or null. */
    final ReplayResult control;
    final long startedAt = System.currentTimeMillis();
    final long harnessCpuAtStart = cpuMillis(ProcessHandle.current());
    final RequestLog log;
    final Timeline timeline = new Timeline();
    final AtomicLong loadStart = new AtomicLong();
    final LoadStop stop = new LoadStop();
    final List<String> notes = new ArrayList<>();
    final List<FaultCheck> volumeChecks = new ArrayList<>();
    long buildCpuMillis;
    volatile ReplayDatabase database;
    volatile Deployment deployment;
    volatile LoadBalancer loadBalancer;
    volatile ProbeSampler sampler;
    volatile PgActivityProbe pgProbe;
    volatile FaultScheduler faults;
    volatile Liveness liveness;
    List<WarmUp> warmUp = List.of();
    /** Why this machine cannot serve the replay's compressed timers, or null. */
    String refusal;
    /** The steady state as the gate judged it just before the fault, or null when it never did. */
    volatile SteadyStateCheck steadyBefore;
    /** A baseline's signature over the control window, judged by the gate on its snapshot; null until then. */
    volatile List<Finding> signatureInControl;
    String gatlingReport;
    RuntimeException failure;
    private ReplayResult finished;
    /** What the verdict was judged on, kept for assertions after the replay ({@link #observations()}). */
    private Observations observations;
    private final ReentrantLock finishing = new ReentrantLock();

    public ReplayRun(ReplayEnvironment environment, Request request, String label, Path directory, PrintStream progress,
            ReplayResult control) {
        this.environment = environment;
        this.request = request;
        this.incident = request.incident();
        this.topology = incident.topology(request.role());
        this.plan = Plan.of(incident, request.role(), request.timeScale());
        this.label = label;
        this.directory = directory;
        this.progress = progress;
        this.control = control;
        this.log = new RequestLog(incident.logs().isPresent());
    }

    boolean isControl() {
        return ReplayEngine.CONTROL_LABEL.equals(label);
    }

    TimeScale scale() {
        return plan.scale();
    }

    public void execute() {
        say("dataset " + request.dataset().describe() + " ...");
        database = ReplayDatabase.cloneOf(environment, request.dataset(),
                ("replay_" + incident.id() + "_" + label + "_" + startedAt).replace('-', '_'));
        if (!hasTheDataVolume()) {
            return;
        }
        List<Map<String, Object>> feeder = feeder();
        List<Instance> instances = deploy();
        if (!warm(instances, feeder)) {
            return;
        }
        loadBalancer = startLoadBalancer(instances);
        startOrchestrator();
        startProbes(instances);
        faults = new FaultScheduler(environment.toxiproxy(), "-" + label + "-" + startedAt,
                new Replacements(deployment, loadBalancer, timeline, Optional.ofNullable(liveness)),
                this::proxyAddress, event -> say(FaultScheduler.line(event)));
        runLoad(feeder);
        runFinalQueries();
    }

    /**
     * Counts each data-volume fault's rows in the clone. Too few, and the replay stops before
     * launching anything: it would test nothing (a baseline that cannot reproduce, a candidate that
     * passes for free), so its verdict is INVALID.
     */
    private boolean hasTheDataVolume() {
        for (Fault fault : incident.faults()) {
            if (fault instanceof Fault.DataVolume volume) {
                long rows = database.count(volume.countQuery());
                String what = String.format(Locale.US, "%s >= %,d", volume.what(), volume.atLeast());
                String detail = String.format(Locale.US, "%,d %s in the replay's database (dataset %s)",
                        rows, volume.what(), request.dataset().describe());
                if (rows < volume.atLeast()) {
                    detail += incident.dataset() instanceof DatasetSource.Seeded seeded
                            ? "; run it with --dataset " + seeded.spec().preset().id() : "; run it on the incident's own dataset";
                }
                volumeChecks.add(new FaultCheck(what, rows >= volume.atLeast(), detail));
            }
        }
        volumeChecks.stream().filter(c -> !c.verified())
                .forEach(c -> say("fault not applied: " + c.fault() + " — " + c.detail() + "; nothing is launched"));
        return volumeChecks.stream().allMatch(FaultCheck::verified);
    }

    /** The records the load draws from: rows of the auth query, lines of its CSV file, or none. */
    private List<Map<String, Object>> feeder() {
        Auth auth = incident.auth();
        if (auth instanceof Auth.Query query) {
            return database.rows(query.sql());
        }
        if (auth instanceof Auth.Csv csv) {
            return CsvFeeder.read(csv.file());
        }
        return List.of();
    }

    private List<Instance> deploy() {
        Map<String, String> dependencies = DependencyWiring.environment(incident.dependencies(), environment, database.name());
        // after the wiring: it starts the environment's S3 the first time an incident asks for it
        emptyBuckets();
        clearLogGroups();
        prepareUploads();
        Build build = request.build();
        say((build instanceof Build.Urls ? "adopting the instances at " : "starting " + topology.instances() + " instance(s) of ")
                + build.name() + " ...");
        deployment = Deployment.of(build, topology, label, dependencies, scale().factor(), directory.resolve("instances"),
                environment.watchdog());
        if (build instanceof Build.Urls && !dependencies.isEmpty()) {
            note("the build runs at URLs: the replay did not start it, so its dependencies are the ones it was started with, "
                    + "not the replay's proxies " + dependencies.keySet() + "; faults reach it only if it was pointed at them");
        }
        return deployment.instances();
    }

    /** Every S3 bucket empty and without lifecycle rules, before the build starts: what is there afterwards is its own. */
    private void emptyBuckets() {
        incident.dependencies().stream().filter(d -> d instanceof Dependency.S3).map(d -> (Dependency.S3) d).forEach(bucket -> {
            S3Buckets.reset(environment.s3(), bucket.bucket(), bucket.versioning());
            say("bucket " + bucket.bucket() + " is empty" + (bucket.versioning() ? ", versioned" : ""));
        });
    }

    /** No log group under a CloudWatch Logs dependency's prefix, before the build starts: what is there afterwards it put. */
    private void clearLogGroups() {
        incident.dependencies().stream().filter(d -> d instanceof Dependency.CloudWatchLogs).map(d -> (Dependency.CloudWatchLogs) d)
                .forEach(groups -> environment.cloudWatchLogs().ifPresentOrElse(logs -> {
                    LogGroups.reset(logs, groups.prefix());
                    say("no log group under " + groups.prefix() + " in CloudWatch Logs");
                }, () -> note(groups.name() + ": " + environment.noCloudWatchLogs().orElse("no CloudWatch Logs")
                        + "; the build gets no " + groups.urlVariable() + ", and its log groups are not checkable")));
    }

    /** The files the load uploads, generated now (once, then cached) rather than inside Gatling's first request. */
    private void prepareUploads() {
        incident.load().mix().stream().filter(r -> r.upload() != null).map(r -> r.upload().file()).distinct().forEach(file -> {
            if (file instanceof Upload.PhonePhoto photo && !UploadFiles.isCached(photo)) {
                say(String.format(Locale.US, "generating a %dx%d phone photo of %,d B ...", photo.width(), photo.height(), photo.bytes()));
            }
            UploadFiles.path(file);
        });
    }

    /**
     * Warms every instance before the load balancer sees it, then checks that this machine can serve
     * the compressed health check. False when it cannot: nothing is loaded, the replay is INVALID.
     */
    private boolean warm(List<Instance> instances, List<Map<String, Object>> feeder) {
        HealthCheck hc = topology.healthCheck();
        warmUp = new Warmer(incident.load().mix(), incident.warmUpSkips(), feeder, incident.auth().headers(), hc.path(),
                plan.requestTimeout()).warm(instances);
        long slowest = warmUp.stream().mapToLong(WarmUp::millis).max().orElse(0);
        say(String.format(Locale.US, "warmed %d instance(s) in %.1f s: p90 %s ms, health check p95 %s ms", warmUp.size(),
                slowest / 1000.0, warmUp.stream().map(w -> Long.toString(w.p90Millis())).collect(Collectors.joining("/")),
                warmUp.stream().map(w -> Long.toString(w.healthCheckP95Millis())).collect(Collectors.joining("/"))));
        warmUp.stream().filter(w -> !w.settled()).forEach(w -> note(w.instance() + "'s latency was still changing after "
                + w.rounds() + " warm-up rounds (" + w.millis() / 1000 + " s); the load's warm-up phase goes on warming it"));
        refusal = TimerFloor.check(hc, scale(), warmUp).orElse(null);
        if (refusal != null) {
            say(refusal + "; nothing is loaded");
            return false;
        }
        return true;
    }

    private LoadBalancer startLoadBalancer(List<Instance> instances) {
        HealthCheck hc = topology.healthCheck();
        LoadBalancerConfig config = LoadBalancerConfig.custom()
                .name(incident.id() + "-" + label)
                .healthCheck(HealthCheckConfig.custom()
                        .path(hc.path())
                        .interval(hc.interval())
                        .timeout(hc.timeout())
                        .healthyThreshold(hc.healthyThreshold())
                        .unhealthyThreshold(hc.unhealthyThreshold())
                        .successCodes(hc.successCodes())
                        .build())
                .idleTimeout(topology.idleTimeout())
                .deregistrationDelay(Duration.ofSeconds(30))
                .timeScale(scale().factor())
                .build();
        LoadBalancer lb = LoadBalancer.create(config).start();
        instances.forEach(i -> lb.register(i.target()));
        awaitHealthy(lb, instances.size(), config);
        return lb;
    }

    /**
     * Gives the health checks time to pass before the load. Targets that never pass do not stop the
     * replay: an ALB fails open and routes to them anyway, and the steady state and the budgets on
     * healthy targets judge it (a candidate whose health-check path does not exist must FAIL).
     */
    private void awaitHealthy(LoadBalancer lb, int expected, LoadBalancerConfig config) {
        HealthCheckConfig hc = config.healthCheck();
        Duration bound = config.scaled(hc.interval().multipliedBy(hc.healthyThreshold() + 2)).plusSeconds(5);
        long deadline = System.currentTimeMillis() + bound.toMillis();
        while (lb.healthyCount() < expected && System.currentTimeMillis() < deadline) {
            pause(50);
        }
        if (lb.healthyCount() < expected) {
            note(lb.healthyCount() + " of " + expected + " targets healthy after " + bound.toSeconds()
                    + " s of health checks on " + hc.path() + "; the load starts anyway (the load balancer fails open)");
        } else {
            say(expected + "/" + expected + " targets healthy at the load balancer " + lb.uri());
        }
    }

    /** The orchestrator, when the build has a liveness probe and the replay launched its instances. */
    private void startOrchestrator() {
        topology.livenessProbe().ifPresent(probe -> {
            if (!deployment.launched()) {
                note("the build runs at URLs: no orchestrator watches it, since the replay cannot restart what it did not launch; "
                        + "orchestrator.restarts is not recorded");
                return;
            }
            liveness = Liveness.start(probe, deployment, scale(), this::say);
        });
    }

    private void startProbes(List<Instance> instances) {
        Map<String, URI> urls = new LinkedHashMap<>();
        Map<String, URI> metricsUrls = new LinkedHashMap<>();
        for (Instance i : instances) {
            urls.put(i.name(), i.baseUrl());
            metricsUrls.put(i.name(), i.metricsUrl());
        }
        pgProbe = new PgActivityProbe(environment.directJdbcUrl(database.name()), environment.dbUser(),
                environment.dbPassword(), database.name());
        Probe targets = (at, tl) -> tl.add(new Sample(at, "lb.healthy", "lb", loadBalancer.healthyCount()));
        // the process itself, not whether it answered a scrape in time (instance.up): OOM, crash, exit
        Probe alive = (at, tl) -> instances.forEach(i -> i.launched()
                .ifPresent(p -> tl.add(new Sample(at, "instance.alive", i.name(), p.isAlive() ? 1 : 0))));
        // A scrape that times out is a gap; give it the health check's own (scaled) timeout, not a slice of the round.
        Duration probeTimeout = plan.probeTimeout();
        List<Probe> probes = new ArrayList<>(List.of(new MetricsProbe(() -> metricsUrls, topology.metrics(), probeTimeout),
                pgProbe, targets, alive, new MachineProbe(() -> instances.stream().flatMap(i -> i.launched().stream())
                        .map(BuildInstance::pid).toList())));
        HarnessFiles.limit().ifPresent(limit -> probes.add(HarnessFiles.probe(limit)));
        if (liveness != null) {
            probes.add(liveness.probe());
        }
        if (!incident.healthEndpoints().isEmpty()) {
            probes.add(new HealthEndpointProbe(() -> urls, incident.healthEndpoints(), probeTimeout));
        }
        Map<String, HttpStub> stubs = new LinkedHashMap<>();
        incident.dependencies().stream().filter(d -> d instanceof Dependency.Http)
                .forEach(d -> stubs.put(d.name(), environment.stub(d.name())));
        probes.add(new DependencyCallsProbe(stubs));
        if (incident.logs().isPresent()) {
            Map<String, Path> logFiles = new LinkedHashMap<>();
            instances.forEach(i -> i.launched().ifPresent(p -> logFiles.put(i.name(), p.logFile())));
            probes.add(new LogVolumeProbe(() -> logFiles));
        }
        sampler = new ProbeSampler(probes, timeline, plan.probeInterval());
        sampler.start();
    }

    private void runLoad(List<Map<String, Object>> feeder) {
        List<Phase> phases = plan.phases();
        Duration requestTimeout = plan.requestTimeout();
        double peakRate = phases.stream().mapToDouble(Phase::peakRequestsPerSecond).max().orElse(0);
        HarnessFiles.limit().ifPresent(limit -> HarnessFiles.warning(peakRate, requestTimeout, HarnessFiles.openNow(), limit)
                .ifPresent(this::note));
        try (ProgressPrinter printer = new ProgressPrinter(progress, incident.id() + "/" + label, log, timeline,
                () -> loadBalancer.healthyCount(), topology.instances())) {
            LongConsumer started = at -> {
                loadStart.set(at);
                Map<String, Window> planned = plan.windows(at);
                faults.start(incident.faults(), planned, scale(), gatedPhases(), () -> steadyBeforeTheFault(planned),
                        stop::request);
                printer.start(planned);
            };
            say("load: " + phases.size() + " phase(s), " + plan.loadDuration().toSeconds()
                    + " s at time scale " + scale());
            Path report = incident.load().simulation()
                    .map(simulation -> ownLoad(simulation, started))
                    .orElseGet(() -> GatlingDriver.run(new LoadPlan(loadBalancer.uri().toString(), phases, incident.load().mix(),
                            feeder, incident.auth().headers(), requestTimeout, log, started, stop,
                            incident.logs().map(LogWatch::requestIdHeader).orElse(null)),
                            directory.resolve("gatling"), incident.id() + " " + label));
            gatlingReport = directory.relativize(report.resolve("index.html")).toString();
        }
    }

    /**
     * The load of the user's own simulation, recorded from the load balancer's access log; its
     * first request starts the timeline. It cannot be stopped early: a replay that was not steady
     * before its fault waits for the simulation's end.
     */
    private Path ownLoad(String simulation, LongConsumer started) {
        String url = loadBalancer.uri().toString();
        say("load: your simulation " + simulation + " against " + url);
        try (AccessLogRecords records = new AccessLogRecords(incident.load().mix(), log, started)) {
            loadBalancer.addListener(records);
            Path report = GatlingDriver.run(simulation, url, plan.requestTimeout(), directory.resolve("gatling"),
                    incident.id() + " " + label);
            records.startFailure().ifPresent(e -> {
                throw new ReplayException("the fault timeline did not start on the simulation's first request: " + e.getMessage(), e);
            });
            if (!records.sawRequests()) {
                throw new ReplayException("the simulation " + simulation + " sent no request to the load balancer at " + url
                        + ": send to the URL in System.getProperty(\"" + GatlingDriver.BASE_URL_PROPERTY + "\")");
            }
            if (records.unnamed() > 0) {
                note(String.format(Locale.US, "%,d requests of the simulation matched no request of the mix by method and path; "
                        + "they count in no expectation", records.unnamed()));
            }
            return report;
        }
    }

    /** The phases whose faults wait for the steady state: every phase from the first fault on, under a control window. */
    private Set<String> gatedPhases() {
        if (!(incident.control() instanceof Control.Window)) {
            return Set.of();
        }
        List<String> names = incident.load().phases().stream().map(Phase::name).toList();
        int first = incident.firstFaultPhase().map(names::indexOf).orElse(names.size());
        return Set.copyOf(names.subList(first, names.size()));
    }

    /**
     * The gate of the fault timeline: the hypothesis and the machine over the control window up to
     * now. For a baseline the signature is judged over the same snapshot: requests that start in the
     * control window's last moments and meet the fault must not count as control evidence.
     */
    private Optional<String> steadyBeforeTheFault(Map<String, Window> planned) {
        long now = System.currentTimeMillis();
        Window planWindow = planned.get(incident.control().phase());
        Window control = new Window(planWindow.name(), planWindow.fromMillis(), Math.max(planWindow.fromMillis(),
                Math.min(now, planWindow.toMillis())));
        List<RequestRecord> snapshot = log.recordsAndInFlight(now);
        SteadyStateCheck check = SteadyStateCheck.judge(incident.steadyState(), control, snapshot, timeline, scale(), now);
        if (request.role() == Role.BASELINE) {
            signatureInControl = SteadyStateCheck.judgeOver(incident.signature(), control, snapshot, timeline, scale());
        }
        steadyBefore = check;
        if (check.held()) {
            say("steady before the fault (" + control.name() + "): " + check.findings().size() + " of "
                    + check.findings().size() + " checks hold; applying the fault");
            return Optional.empty();
        }
        String why = "not steady before the fault: " + check.failures();
        say(why + "; the fault is not applied and the load stops");
        return Optional.of(why);
    }

    /** The incident's after-the-load queries against the replay's database, into the timeline. */
    private void runFinalQueries() {
        if (incident.finalQueries().isEmpty()) {
            return;
        }
        try {
            database.runInto(incident.finalQueries(), timeline, System.currentTimeMillis());
        } catch (SQLException e) {
            note("the final queries failed: " + e.getMessage());
        }
    }

    /**
     * Tears down, judges and writes the result, once: a later call (the main thread after an abort)
     * gets the same result.
     *
     * @param abortedBecause why the replay was cut short, or null when it ran its course
     */
    public ReplayResult finish(String abortedBecause) {
        finishing.lock();
        try {
            if (finished == null) {
                if (abortedBecause != null) {
                    failure = new ReplayException(abortedBecause);
                }
                teardown();
                ReplayVerdict verdict = new ReplayVerdict(this);
                finished = verdict.result();
                observations = verdict.observations();
                writeReport(finished);
            }
            return finished;
        } finally {
            finishing.unlock();
        }
    }

    /** What the finished replay's verdict was judged on: every request, the timeline, the windows as run. */
    public Observations observations() {
        if (observations == null) {
            throw new IllegalStateException("the replay has not finished");
        }
        return observations;
    }

    /** Where result.json and report.html are. */
    public Path directory() {
        return directory;
    }

    /** result.json, then report.html beside it: both exist even for an interrupted or broken replay. */
    private void writeReport(ReplayResult result) {
        Path json = ResultWriter.write(result, directory);
        try {
            HtmlReport.write(json);
        } catch (RuntimeException e) {
            say("the HTML report could not be written (" + e.getMessage() + "); the result is in " + json);
        }
    }

    /**
     * From a shutdown hook: finish now, unless the main thread is already finishing — then give it a
     * bounded time, so a hung teardown can never keep the JVM from exiting (the launcher's own hook
     * still kills the instances).
     */
    public void abort(String why) {
        stop.request(why); // Gatling stops at its next virtual user instead of loading a torn-down replay to its end
        try {
            if (finishing.tryLock(ABORT_GRACE_SECONDS, TimeUnit.SECONDS)) {
                try {
                    finish(why);
                } finally {
                    finishing.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void broke(RuntimeException e) {
        failure = e;
        say("replay broke: " + e.getMessage());
    }

    /** Where the harness reaches a dependency's proxy: the outage's canary connects there. */
    private Optional<InetSocketAddress> proxyAddress(String proxy) {
        try {
            DependencyProxy p = environment.proxy(proxy);
            return Optional.of(new InetSocketAddress(p.host(), p.port()));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    private void teardown() {
        if (liveness != null) { // first: a restart after the launcher closed would be a failure of the teardown's making
            closeQuietly(liveness);
            notes.add(liveness.summary());
        }
        closeQuietly(faults);
        closeQuietly(sampler);
        closeQuietly(pgProbe);
        closeQuietly(loadBalancer);
        removeToxicsWithin(Duration.ofSeconds(10));
        if (deployment != null) {
            buildCpuMillis = deployment.cpuMillis();
        }
        closeQuietly(deployment);
        if (database != null) {
            try {
                database.drop();
            } catch (RuntimeException e) {
                notes.add("teardown: dropping " + database.name() + " failed: " + e.getMessage());
            }
        }
    }

    /** Toxiproxy's API has no timeouts; a removal stuck behind a dead connection must not hang teardown. */
    private void removeToxicsWithin(Duration bound) {
        CompletableFuture<Void> removal = CompletableFuture.runAsync(environment::removeAllToxics);
        try {
            removal.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (faults != null) {
                faults.removedAtTeardown();
            }
        } catch (TimeoutException e) {
            notes.add("teardown: removing toxics did not finish within " + bound.toSeconds() + " s");
        } catch (ExecutionException e) {
            notes.add("teardown: removing toxics failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A line for the reader of the result, and for the console now. */
    void note(String line) {
        notes.add(line);
        say(line);
    }

    void say(String line) {
        progress.println("[" + incident.id() + "/" + label + "] " + line);
    }

    static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for targets to become healthy", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // teardown goes on with the next part whatever this one did
        }
    }
}
