package io.incidentreplay.scenario.engine;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.fixtures.environment.launch.BuildInstance;
import io.incidentreplay.fixtures.environment.launch.LaunchSpec;
import io.incidentreplay.fixtures.environment.launch.Launcher;
import io.incidentreplay.fixtures.loadbalancer.HealthCheckConfig;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancer;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancerConfig;
import io.incidentreplay.report.HtmlReport;
import io.incidentreplay.scenario.engine.ReplayResult.BuildInfo;
import io.incidentreplay.scenario.engine.ReplayResult.DatasetInfo;
import io.incidentreplay.scenario.engine.ReplayResult.IncidentInfo;
import io.incidentreplay.scenario.engine.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.incident.Fault;
import io.incidentreplay.scenario.incident.HealthCheck;
import io.incidentreplay.scenario.incident.Incident;
import io.incidentreplay.scenario.incident.Incident.Role;
import io.incidentreplay.scenario.incident.Phase;
import io.incidentreplay.scenario.incident.TimeScale;
import io.incidentreplay.scenario.incident.Topology;
import io.incidentreplay.scenario.load.GatlingDriver;
import io.incidentreplay.scenario.load.LoadPlan;
import io.incidentreplay.scenario.measure.Observations;
import io.incidentreplay.scenario.measure.RequestLog;
import io.incidentreplay.scenario.measure.Sample;
import io.incidentreplay.scenario.measure.Timeline;
import io.incidentreplay.scenario.measure.Window;
import io.incidentreplay.scenario.probe.HealthEndpointProbe;
import io.incidentreplay.scenario.probe.MetricsProbe;
import io.incidentreplay.scenario.probe.PgActivityProbe;
import io.incidentreplay.scenario.probe.Probe;
import io.incidentreplay.scenario.probe.ProbeSampler;
import io.incidentreplay.seed.DatasetSpec;
import io.incidentreplay.seed.TemplateCache;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Replays one incident on one build in a running {@link ReplayEnvironment}:
 * clone the seeded dataset, launch the build's instances, put the load balancer model in front,
 * start the probes, drive the load while the fault timeline plays, then judge and write the result.
 * Teardown (toxics, load balancer, instances, the database clone) always runs.
 */
public final class ReplayEngine {

    /** How many active users' tokens the load draws from (the seed's 12,000 active users at most). */
    private static final int TOKENS = 2_000;

    /** How long Ctrl-C waits for a replay that is already finishing. */
    private static final long ABORT_GRACE_SECONDS = 15;

    private final ReplayEnvironment environment;
    private final Path outputDirectory;
    private final PrintStream progress;
    private volatile Run active;

    public ReplayEngine(ReplayEnvironment environment, Path outputDirectory, PrintStream progress) {
        this.environment = environment;
        this.outputDirectory = outputDirectory;
        this.progress = progress;
    }

    /** The request of one replay. */
    public record Request(Incident incident, Role role, Path buildJar, DatasetSpec dataset, TimeScale timeScale) {}

    /** Runs the replay to its verdict; the result is also written to {@code <output>/<incident>/<role>/result.json}. */
    public ReplayResult replay(Request request) {
        Run run = new Run(request);
        active = run;
        try {
            run.execute();
        } catch (RuntimeException e) {
            run.broke(e);
        }
        return run.finish(null);
    }

    /**
     * Ends the replay in progress now (Ctrl-C): its result is written as INCOMPLETE with what was
     * observed so far, and its teardown runs. Safe to call at any time, from any thread.
     */
    public void abort(String why) {
        Run run = active;
        if (run != null) {
            run.abort(why);
        }
    }

    /** The state of one replay, so that a failure at any step still yields a result. */
    private final class Run {
        final Request request;
        final Incident incident;
        final Topology topology;
        final Path directory;
        final long startedAt = System.currentTimeMillis();
        final long harnessCpuAtStart = cpuMillis(ProcessHandle.current());
        long buildCpuMillis;
        final RequestLog log = new RequestLog();
        final Timeline timeline = new Timeline();
        final AtomicLong loadStart = new AtomicLong();
        final List<String> notes = new ArrayList<>();
        final List<FaultCheck> volumeChecks = new ArrayList<>();
        String database;
        Launcher launcher;
        LoadBalancer loadBalancer;
        ProbeSampler sampler;
        PgActivityProbe pgProbe;
        FaultScheduler faults;
        String gatlingReport;
        RuntimeException failure;
        ReplayResult finished;
        final ReentrantLock finishing = new ReentrantLock();

        Run(Request request) {
            this.request = request;
            this.incident = request.incident();
            this.topology = incident.topology(request.role());
            this.directory = outputDirectory.resolve(incident.id()).resolve(role());
        }

        String role() {
            return request.role().name().toLowerCase(Locale.ROOT);
        }

        void execute() {
            say("dataset " + request.dataset() + " ...");
            database = cloneDataset();
            if (!hasTheDataVolume()) {
                return;
            }
            List<LoadPlan.User> users = activeUsers();
            say("starting " + topology.instances() + " instance(s) of " + request.buildJar().getFileName() + " ...");
            List<BuildInstance> instances = launch();
            loadBalancer = startLoadBalancer(instances);
            startProbes(instances);
            faults = new FaultScheduler(environment.toxiproxy(), "-" + role() + "-" + startedAt,
                    launcher::sigterm, launcher::sigkill);
            runLoad(users);
            runFinalQueries();
        }

        /** The incident's after-the-load queries against the replay's database, into the timeline. */
        void runFinalQueries() {
            if (incident.finalQueries().isEmpty()) {
                return;
            }
            long at = System.currentTimeMillis();
            try (Connection c = connectToReplayDatabase();
                    Statement s = c.createStatement()) {
                for (Map.Entry<String, String> query : incident.finalQueries().entrySet()) {
                    try (ResultSet rs = s.executeQuery(query.getValue())) {
                        rs.next();
                        timeline.add(new Sample(at, query.getKey(), "db", rs.getDouble(1)));
                    }
                }
            } catch (SQLException e) {
                notes.add("the final queries failed: " + e.getMessage());
            }
        }

        String cloneDataset() {
            String name = ("replay_" + incident.id() + "_" + role() + "_" + startedAt).replace('-', '_');
            new TemplateCache(environment.adminJdbcUrl(), environment.dbUser(), environment.dbPassword())
                    .cloneFor(request.dataset(), name);
            return name;
        }

        /**
         * Counts each data-volume fault's rows in the clone. Too few, and the replay stops before
         * launching anything: it would test nothing (a baseline that cannot reproduce, a candidate that
         * passes for free), so its verdict is INVALID.
         */
        boolean hasTheDataVolume() {
            for (Fault fault : incident.faults()) {
                if (fault instanceof Fault.DataVolume volume) {
                    long rows = count(volume.countQuery());
                    String what = String.format(Locale.US, "%s >= %,d", volume.what(), volume.atLeast());
                    String detail = String.format(Locale.US, "%,d %s in the replay's database (dataset %s)",
                            rows, volume.what(), request.dataset());
                    if (rows < volume.atLeast()) {
                        detail += "; run it with --dataset " + incident.dataset();
                    }
                    volumeChecks.add(new FaultCheck(what, rows >= volume.atLeast(), detail));
                }
            }
            volumeChecks.stream().filter(c -> !c.verified())
                    .forEach(c -> say("fault not applied: " + c.fault() + " — " + c.detail() + "; nothing is launched"));
            return volumeChecks.stream().allMatch(FaultCheck::verified);
        }

        Connection connectToReplayDatabase() throws SQLException {
            return DriverManager.getConnection(environment.directJdbcUrl(database), environment.dbUser(),
                    environment.dbPassword());
        }

        long count(String sql) {
            try (Connection c = connectToReplayDatabase();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new ReplayException("cannot count '" + sql + "' in " + database + ": " + e.getMessage(), e);
            }
        }

        /** The active users' tokens, each with a live pet of one of the user's households (for writes). */
        List<LoadPlan.User> activeUsers() {
            String sql = """
                    SELECT DISTINCT ON (u.id) t.token, p.id
                      FROM users u
                      JOIN api_tokens t ON t.user_id = u.id
                      JOIN household_members m ON m.user_id = u.id
                      JOIN pets p ON p.household_id = m.household_id AND p.deleted_at IS NULL
                     WHERE u.active
                     ORDER BY u.id, p.id
                     LIMIT ?
                    """;
            try (Connection c = connectToReplayDatabase();
                    PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, TOKENS);
                List<LoadPlan.User> users = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        users.add(new LoadPlan.User(rs.getString(1), rs.getLong(2)));
                    }
                }
                return users;
            } catch (SQLException e) {
                throw new ReplayException("cannot read the active users' tokens from " + database + ": " + e.getMessage(), e);
            }
        }

        List<BuildInstance> launch() {
            LaunchSpec.Builder spec = LaunchSpec.forJar(request.buildJar())
                    .name(role())
                    .instances(topology.instances())
                    .jvmArgs(topology.jvmArgs())
                    .env(environment.dependencyEnvironment(database))
                    .env(topology.settings())
                    .timeScale(request.timeScale().factor());
            if (topology.metricsPortVariable() != null) {
                spec.extraPort(topology.metricsPortVariable());
            }
            launcher = new Launcher(directory.resolve("instances"));
            return launcher.launch(spec.build());
        }

        LoadBalancer startLoadBalancer(List<BuildInstance> instances) {
            HealthCheck hc = topology.healthCheck();
            LoadBalancerConfig config = LoadBalancerConfig.custom()
                    .name(incident.id() + "-" + role())
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
                    .timeScale(request.timeScale().factor())
                    .build();
            LoadBalancer lb = LoadBalancer.create(config).start();
            instances.forEach(i -> lb.register("127.0.0.1:" + i.port()));
            awaitHealthy(lb, instances.size(), config);
            return lb;
        }

        /**
         * Gives the health checks time to pass before the load. Targets that never pass do not stop the
         * replay: an ALB fails open and routes to them anyway, and the budgets on healthy targets judge it
         * (a candidate whose health-check path does not exist must FAIL, not break).
         */
        void awaitHealthy(LoadBalancer lb, int expected, LoadBalancerConfig config) {
            HealthCheckConfig hc = config.healthCheck();
            Duration bound = config.scaled(hc.interval().multipliedBy(hc.healthyThreshold() + 2)).plusSeconds(5);
            long deadline = System.currentTimeMillis() + bound.toMillis();
            while (lb.healthyCount() < expected && System.currentTimeMillis() < deadline) {
                pause(50);
            }
            if (lb.healthyCount() < expected) {
                String note = lb.healthyCount() + " of " + expected + " targets healthy after " + bound.toSeconds()
                        + " s of health checks on " + hc.path() + "; the load starts anyway (the load balancer fails open)";
                notes.add(note);
                say(note);
            } else {
                say(expected + "/" + expected + " targets healthy at the load balancer " + lb.uri());
            }
        }

        void startProbes(List<BuildInstance> instances) {
            Map<String, URI> urls = new LinkedHashMap<>();
            Map<String, URI> metricsUrls = new LinkedHashMap<>();
            for (BuildInstance i : instances) {
                urls.put(i.name(), i.baseUrl());
                metricsUrls.put(i.name(), topology.metricsPortVariable() == null ? i.baseUrl()
                        : URI.create("http://127.0.0.1:" + i.port(topology.metricsPortVariable())));
            }
            pgProbe = new PgActivityProbe(environment.directJdbcUrl(database), environment.dbUser(),
                    environment.dbPassword(), database);
            Probe targets = (at, tl) -> tl.add(new Sample(at, "lb.healthy", "lb", loadBalancer.healthyCount()));
            // the process itself, not whether it answered a scrape in time (instance.up): OOM, crash, exit
            Probe alive = (at, tl) -> instances.forEach(i -> tl.add(new Sample(at, "instance.alive", i.name(), i.isAlive() ? 1 : 0)));
            Duration interval = request.timeScale().factor() < 0.5 ? Duration.ofMillis(250) : Duration.ofMillis(500);
            Duration probeTimeout = interval.multipliedBy(4).dividedBy(5);
            List<Probe> probes = new ArrayList<>(List.of(new MetricsProbe(() -> metricsUrls, probeTimeout), pgProbe, targets, alive));
            HarnessFiles.limit().ifPresent(limit -> probes.add(HarnessFiles.probe(limit)));
            if (!incident.healthEndpoints().isEmpty()) {
                probes.add(new HealthEndpointProbe(() -> urls, incident.healthEndpoints(), probeTimeout));
            }
            sampler = new ProbeSampler(probes, timeline, interval);
            sampler.start();
        }

        void runLoad(List<LoadPlan.User> users) {
            TimeScale scale = request.timeScale();
            List<Phase> phases = incident.load().phases().stream()
                    .map(p -> new Phase(p.name(), scale.apply(p.duration()), p.requestsPerSecond()))
                    .toList();
            Duration requestTimeout = scale.apply(topology.idleTimeout()).plusSeconds(5);
            double peakRate = phases.stream().mapToDouble(Phase::requestsPerSecond).max().orElse(0);
            HarnessFiles.limit().ifPresent(limit -> HarnessFiles.warning(peakRate, requestTimeout, HarnessFiles.openNow(), limit)
                    .ifPresent(warning -> {
                        notes.add(warning);
                        say(warning);
                    }));
            try (ProgressPrinter printer = new ProgressPrinter(progress, incident.id() + "/" + role(), log, timeline,
                    loadBalancer::healthyCount, topology.instances())) {
                LoadPlan plan = new LoadPlan(loadBalancer.uri().toString(), phases, incident.load().mix(), users,
                        requestTimeout, log, at -> {
                            loadStart.set(at);
                            Map<String, Window> planned = Judgement.windows(incident.load(), scale, at);
                            faults.start(incident.faults(), planned, scale);
                            printer.start(planned);
                        });
                say("load: " + phases.size() + " phase(s), " + scale.apply(incident.load().duration()).toSeconds()
                        + " s at time scale " + scale);
                Path report = GatlingDriver.run(plan, directory.resolve("gatling"), incident.id() + " " + role());
                gatlingReport = directory.relativize(report.resolve("index.html")).toString();
            }
        }

        /**
         * Tears down, judges and writes the result, once: a later call (the main thread after an
         * abort) gets the same result.
         *
         * @param abortedBecause why the replay was cut short, or null when it ran its course
         */
        ReplayResult finish(String abortedBecause) {
            finishing.lock();
            try {
                if (finished == null) {
                    if (abortedBecause != null) {
                        failure = new ReplayException(abortedBecause);
                    }
                    teardown();
                    finished = result();
                    writeReport(finished);
                }
                return finished;
            } finally {
                finishing.unlock();
            }
        }

        /** result.json, then report.html beside it: both exist even for an interrupted or broken replay. */
        void writeReport(ReplayResult result) {
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
        void abort(String why) {
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

        void broke(RuntimeException e) {
            failure = e;
            say("replay broke: " + e.getMessage());
        }

        void teardown() {
            closeQuietly(faults);
            closeQuietly(sampler);
            closeQuietly(pgProbe);
            closeQuietly(loadBalancer);
            removeToxicsWithin(Duration.ofSeconds(10));
            if (launcher != null) {
                buildCpuMillis = launcher.instances().stream()
                        .mapToLong(i -> ProcessHandle.of(i.pid()).map(ReplayEngine::cpuMillis).orElse(0L)).sum();
            }
            closeQuietly(launcher);
            if (database != null) {
                try {
                    new TemplateCache(environment.adminJdbcUrl(), environment.dbUser(), environment.dbPassword()).drop(database);
                } catch (RuntimeException e) {
                    notes.add("teardown: dropping " + database + " failed: " + e.getMessage());
                }
            }
        }

        /** Toxiproxy's API has no timeouts; a removal stuck behind a dead connection must not hang teardown. */
        void removeToxicsWithin(Duration bound) {
            CompletableFuture<Void> removal = CompletableFuture.runAsync(environment::removeAllToxics);
            try {
                removal.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                notes.add("teardown: removing toxics did not finish within " + bound.toSeconds() + " s");
            } catch (ExecutionException e) {
                notes.add("teardown: removing toxics failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        ReplayResult result() {
            long start = loadStart.get() == 0 ? startedAt : loadStart.get();
            Map<String, String> faultByPhase = new LinkedHashMap<>();
            incident.faults().stream().filter(f -> f instanceof Fault.Toxic).map(f -> (Fault.Toxic) f)
                    .forEach(f -> faultByPhase.put(f.phase(), FaultScheduler.describe(f, request.timeScale())));
            Map<String, Window> windows = Judgement.windows(incident.load(), request.timeScale(), start,
                    faults == null ? List.of() : faults.events(), faultByPhase);
            Observations observations = new Observations(log.records(), timeline, windows, request.timeScale().factor());
            List<JudgedFinding> findings = Judgement.findings(incident, observations);
            List<FaultCheck> checks = faultChecks();
            List<String> harnessLimits = new ArrayList<>();
            HarnessFiles.limit().ifPresent(limit -> HarnessFiles.exhausted(timeline, windows.get(Observations.RUN), limit)
                    .ifPresent(harnessLimits::add));
            boolean invalid = checks.stream().anyMatch(c -> !c.verified()) || !harnessLimits.isEmpty();
            Verdict verdict;
            List<String> reasons;
            if (failure != null || (loadStart.get() == 0 && !invalid)) {
                verdict = Verdict.INCOMPLETE;
                reasons = List.of(failure == null ? "the load never started" : failure.getMessage());
            } else {
                verdict = Judgement.verdict(request.role(), findings, checks, harnessLimits);
                reasons = Judgement.reasons(request.role(), verdict, findings, checks, harnessLimits);
            }
            return new ReplayResult(
                    new IncidentInfo(incident.id(), incident.title(), incident.seedReference(), incident.story()),
                    role(),
                    new BuildInfo(request.buildJar().getFileName().toString(), request.buildJar().toString()),
                    new DatasetInfo(request.dataset().preset().name().toLowerCase(Locale.ROOT), request.dataset().pets(),
                            request.dataset().seed()),
                    request.timeScale().factor(),
                    harnessVersion() + "; " + environment.postgres().describe() + "; " + environment.faultPlane().describe(),
                    startedAt, System.currentTimeMillis(),
                    verdict, reasons, findings, List.copyOf(windows.values()),
                    Judgement.stats(observations, incident.load()),
                    Judgement.traffic(observations.requests(), windows.get(Observations.RUN)),
                    timeline.samples(),
                    faults == null ? List.of() : faults.events(),
                    checks, gatlingReport, notes,
                    new ReplayResult.Resources(System.currentTimeMillis() - startedAt,
                            cpuMillis(ProcessHandle.current()) - harnessCpuAtStart, buildCpuMillis));
        }

        /** The data volume must be there, and each toxic of the timeline must have touched traffic (when the fault plane can tell). */
        List<FaultCheck> faultChecks() {
            List<FaultCheck> checks = new ArrayList<>(volumeChecks);
            List<FaultEvent> events = faults == null ? List.of() : faults.events();
            for (Fault fault : incident.faults()) {
                if (!(fault instanceof Fault.Toxic toxic)) {
                    continue;
                }
                String what = FaultScheduler.describe(toxic, request.timeScale());
                Optional<FaultEvent> applied = events.stream()
                        .filter(e -> e.fault().equals(what) && e.action().equals("applied")).findFirst();
                if (applied.isEmpty()) {
                    String why = events.stream().filter(e -> e.fault().equals(what) && e.action().startsWith("failed"))
                            .map(FaultEvent::action).findFirst().orElse("never applied");
                    checks.add(new FaultCheck(what, false, why));
                    continue;
                }
                var stats = environment.faultPlane().toxicStats(toxic.proxy(), faults.toxicName(toxic));
                if (stats.isEmpty()) {
                    notes.add("the fault plane cannot report what '" + what + "' touched; the fault is unverified");
                    continue;
                }
                var s = stats.get();
                checks.add(new FaultCheck(what, s.touchedTraffic(), String.format(Locale.US,
                        "%,d chunks (%,d bytes) affected, %,d connections closed", s.chunksAffected(), s.bytesAffected(),
                        s.connectionsClosed())));
            }
            return checks;
        }

        void say(String line) {
            progress.println("[" + incident.id() + "/" + role() + "] " + line);
        }
    }

    /** e.g. {@code Incident Replay 0.1.0 on Java 17.0.15}: what produced the numbers, for the report. */
    static String harnessVersion() {
        String version = ReplayEngine.class.getPackage().getImplementationVersion();
        return "Incident Replay " + (version == null ? "(development build)" : version) + " on Java " + Runtime.version();
    }

    private static long cpuMillis(ProcessHandle process) {
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
