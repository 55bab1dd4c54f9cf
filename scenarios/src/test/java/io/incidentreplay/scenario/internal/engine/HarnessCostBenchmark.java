package io.incidentreplay.scenario.internal.engine;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.fixtures.loadbalancer.HealthCheckConfig;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancer;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancerConfig;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.LatencySummary;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.scenario.internal.file.IncidentFile;
import io.incidentreplay.scenario.internal.load.GatlingDriver;
import io.incidentreplay.scenario.internal.load.LoadPlan;
import io.incidentreplay.scenario.internal.load.LoadStop;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.internal.probe.MetricsProbe;
import io.incidentreplay.scenario.internal.probe.PgActivityProbe;
import io.incidentreplay.scenario.internal.probe.ProbeSampler;
import io.incidentreplay.seed.DatasetSource;
import io.incidentreplay.seed.TemplateCache;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the harness costs per request, layer by layer, in one run (issue 18): the after build's
 * paginated pet list, one instance, driven
 * <ol type="a">
 *   <li>by wrk directly, the reference (a C load generator: its CPU per request is the floor);</li>
 *   <li>by the harness's Gatling directly;</li>
 *   <li>through the load-balancer model;</li>
 *   <li>with the fault proxy in front of PostgreSQL, without a toxic and with a 1 ms latency toxic;</li>
 *   <li>with the probes (metrics scrapes and pg_stat_activity) running as in a replay.</li>
 * </ol>
 * Each harness layer runs at two open-model rates; the harness's marginal CPU per request,
 * (CPU at the high rate − CPU at the low rate) / (requests at the high − at the low), leaves out
 * Gatling's start-up and the fixed cost of each run. CPU is read from /proc (the JVM's own, the
 * instance's, wrk's as the child of a shell). One JVM runs the harness, as {@code ./replay} does.
 *
 * <pre>
 * mvn -q -o install -DskipTests &amp;&amp; mvn -q -o -pl scenarios test-compile
 * mvn -q -o -pl scenarios org.codehaus.mojo:exec-maven-plugin:3.5.1:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="--add-opens java.base/java.lang=ALL-UNNAMED \
 *     [-Dbench.seconds=15] [-Dbench.rates=200,800] [-Dbench.dataset=ci] [-Dbench.layers=a,c0] \
 *     -cp %classpath io.incidentreplay.scenario.internal.engine.HarnessCostBenchmark"
 * </pre>
 * Its own JVM (exec:exec, not exec:java): inside Maven's, logback does not find scenarios' logback.xml
 * and every library logs at DEBUG. Layer (c0) is wrk through the load balancer: its harness CPU is
 * the load balancer's alone. {@code -Dbench.layers} picks layers, e.g. {@code a,c0}.
 * wrk comes from Debian ({@code apt-get install wrk}); without it layer (a) is skipped, visibly.
 */
public final class HarnessCostBenchmark {

    /** The repository: where Maven runs it from (the root or scenarios/), or -Dreplay.home. */
    private static final Path HOME = Path.of(System.getProperty("replay.home",
            Files.isDirectory(Path.of("incidents")) ? "." : "..")).toAbsolutePath().normalize();
    private static final String PATH = "/api/v1/pets?page=1&limit=20";

    /** clientCpuMillis is wrk's, -1 when Gatling (inside the harness) was the client. */
    private record Row(String layer, double rate, long requests, double seconds, long p99, long harnessCpuMillis,
            long clientCpuMillis, long buildCpuMillis, long postgresCpuMillis) {
        double harnessPerRequest() {
            return requests == 0 ? 0 : (double) harnessCpuMillis / requests;
        }

        double clientPerRequest() {
            return requests == 0 ? 0 : (double) clientCpuMillis / requests;
        }
    }

    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final List<Double> rates = List.of(System.getProperty("bench.rates", "200,800").split(",")).stream()
            .map(Double::parseDouble).toList();
    /** -Dbench.layers: which of a, c0, b, c, d (with e) to run; all by default. */
    private final List<String> layers = List.of(System.getProperty("bench.layers", "a,c0,b,c,d").split(","));
    private final List<Row> rows = new ArrayList<>();
    private ReplayEnvironment environment;
    private String token;

    public static void main(String[] args) throws Exception {
        new HarnessCostBenchmark().run();
        System.exit(0); // Gatling leaves non-daemon threads behind
    }

    private void run() throws Exception {
        Path out = Files.createTempDirectory("harness-cost");
        environment = new ReplayEnvironment(EnvironmentConfig.custom().embedded().runDirectory(out.resolve("environment")).build());
        environment.start();
        try {
            IncidentFile.LoadedIncident loaded = IncidentFile.load(HOME.resolve("incidents/petforce/weather-cascade.yaml"));
            Incident incident = loaded.incident();
            Build after = loaded.candidate().orElseThrow();
            String dataset = System.getProperty("bench.dataset", "ci");
            new TemplateCache(environment.adminJdbcUrl(), environment.dbUser(), environment.dbPassword())
                    .cloneFor(DatasetSource.preset(dataset), "bench");
            token = token();
            Topology one = single(incident.topology(Role.CANDIDATE));
            Map<String, String> direct = variables(incident, environment.directJdbcUrl("bench"));
            Map<String, String> proxied = variables(incident, environment.jdbcUrl("bench"));
            try (Deployment straight = Deployment.of(after, one, "direct", direct, 1.0, out.resolve("direct"), environment.watchdog());
                    Deployment behindProxy = Deployment.of(after, one, "proxied", proxied, 1.0, out.resolve("proxied"),
                            environment.watchdog())) {
                Instance a = straight.instances().get(0);
                Instance d = behindProxy.instances().get(0);
                System.out.printf("harness cost: dataset %s, %d s per step, rates %s req/s, %s%n", dataset, seconds, rates, PATH);
                warm(a.baseUrl().toString());
                requireQuietLibraries();
                warm(d.baseUrl().toString());
                try (LoadBalancer lb = loadBalancer(a)) {
                    warm(lb.uri().toString()); // the load balancer's code too: the first layer through it must not pay its JIT
                }
                if (layers.contains("a")) {
                    wrk("(a) wrk → instance (reference)", a, a.baseUrl());
                }
                if (layers.contains("c0")) {
                    try (LoadBalancer lb = loadBalancer(a)) {
                        wrk("(c0) wrk → load balancer", a, lb.uri());
                    }
                }
                if (layers.contains("b")) {
                    for (double rate : rates) {
                        gatling("(b) Gatling → instance", a, a.baseUrl().toString(), rate);
                    }
                }
                if (layers.contains("c")) {
                    try (LoadBalancer lb = loadBalancer(a)) {
                        for (double rate : rates) {
                            gatling("(c) + load balancer", a, lb.uri().toString(), rate);
                        }
                    }
                }
                if (layers.contains("d")) {
                    behindTheFaultProxy(d, one);
                }
            }
            print();
        } finally {
            environment.close();
        }
    }

    /** Layers (d) and (e): the instance's PostgreSQL through the fault proxy, without and with a toxic, then the probes. */
    private void behindTheFaultProxy(Instance d, Topology one) throws IOException {
        try (LoadBalancer lb = loadBalancer(d)) {
            for (double rate : rates) {
                gatling("(d) + fault proxy, no toxic", d, lb.uri().toString(), rate);
            }
            var proxy = environment.toxiproxy().getProxy(ReplayEnvironment.POSTGRES_PROXY);
            proxy.toxics().latency("bench-latency", ToxicDirection.DOWNSTREAM, 1);
            for (double rate : rates) {
                gatling("(d) + fault proxy, 1 ms latency toxic", d, lb.uri().toString(), rate);
            }
            proxy.toxics().get("bench-latency").remove();
            try (ProbeSampler probes = probes(d, one)) {
                for (double rate : rates) {
                    gatling("(e) + probes", d, lb.uri().toString(), rate);
                }
            }
        }
    }

    private static Topology single(Topology t) {
        return t.withInstances(1);
    }

    private Map<String, String> variables(Incident incident, String jdbcUrl) {
        return DependencyWiring.variables(incident.dependencies(),
                new DependencyWiring.Login(jdbcUrl, environment.dbUser(), environment.dbPassword()),
                http -> environment.httpDependency(http.name(), http.stub()).toString(),
                bucket -> environment.s3Dependency(bucket.name()),
                groups -> environment.cloudWatchLogsDependency(groups.name()));
    }

    private String token() throws SQLException {
        try (Connection c = DriverManager.getConnection(environment.directJdbcUrl("bench"), environment.dbUser(),
                environment.dbPassword());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT t.token FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.active LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Jetty builds its debug messages whenever debug is on, written or not: measured with it on, the load
     * balancer costs twice as much. It is on under exec:java (Maven's own logging) and was on after every
     * Gatling run until GatlingDriver put the logging back.
     */
    private static void requireQuietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger("org.eclipse.jetty.server.HttpChannel").isDebugEnabled()) {
            throw new IllegalStateException("Jetty's debug logging is on, so the numbers would measure it: run the benchmark "
                    + "in its own JVM (exec:exec, as in this class's javadoc) with scenarios' logback.xml");
        }
    }

    /** A few thousand requests first: the numbers are of a warm JIT, not of the first seconds. */
    private void warm(String baseUrl) {
        GatlingDriver.run(plan(baseUrl, 400, 10, new RequestLog()), Path.of(System.getProperty("java.io.tmpdir"),
                "harness-cost-gatling"), "warm-up");
    }

    private LoadPlan plan(String baseUrl, double rate, int durationSeconds, RequestLog log) {
        return new LoadPlan(baseUrl, List.of(new Phase("bench", Duration.ofSeconds(durationSeconds), rate)),
                List.of(RequestSpec.get("pets", 1, PATH)), List.of(), Map.of("Authorization", "Bearer " + token),
                Duration.ofSeconds(10), log, at -> { }, new LoadStop());
    }

    private void gatling(String layer, Instance instance, String baseUrl, double rate) {
        RequestLog log = new RequestLog();
        long harness0 = ReplayRun.cpuMillis(ProcessHandle.current());
        long build0 = cpu(instance);
        long postgres0 = postgresCpu();
        long t0 = System.nanoTime();
        GatlingDriver.run(plan(baseUrl, rate, seconds, log), Path.of(System.getProperty("java.io.tmpdir"), "harness-cost-gatling"),
                layer);
        double took = (System.nanoTime() - t0) / 1e9;
        List<RequestRecord> records = log.records();
        long p99 = LatencySummary.of(records.stream().mapToLong(RequestRecord::latencyMillis).toArray()).p99();
        long ok = records.stream().filter(RequestRecord::ok).count();
        if (ok < records.size()) {
            Map<Integer, Long> statuses = records.stream().filter(r -> !r.ok())
                    .collect(java.util.stream.Collectors.groupingBy(RequestRecord::status, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting()));
            System.out.printf("  %s at %.0f req/s: %,d of %,d requests failed, by status (0: no answer) %s%n", layer, rate,
                    records.size() - ok, records.size(), statuses);
        }
        Row row = new Row(layer, rate, records.size(), took, p99, ReplayRun.cpuMillis(ProcessHandle.current()) - harness0,
                -1, cpu(instance) - build0, postgresCpu() - postgres0);
        rows.add(row);
        System.out.printf(Locale.US, "  %-40s %5.0f req/s: %,7d requests, p99 %,5d ms, harness %.3f ms CPU/request%n",
                layer, rate, row.requests(), row.p99(), row.harnessPerRequest());
    }

    /**
     * wrk with 8 connections for the same length; its CPU is the shell's children's (utime + stime of waited
     * children). The row's harness CPU is this JVM's in the meantime: nothing, straight to the instance; the
     * load balancer's own, through it.
     */
    private void wrk(String layer, Instance instance, URI base) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            System.out.println("  " + layer + ": SKIPPED, /usr/bin/wrk is missing (apt-get install wrk)");
            return;
        }
        long harness0 = ReplayRun.cpuMillis(ProcessHandle.current());
        long build0 = cpu(instance);
        long postgres0 = postgresCpu();
        String script = "wrk -t1 -c8 -d" + seconds + "s --latency -H 'Authorization: Bearer " + token + "' '"
                + base.resolve(PATH) + "' > \"$1\" 2>&1; cat /proc/$$/stat";
        Path report = Files.createTempFile("wrk", ".txt");
        Process shell = new ProcessBuilder("sh", "-c", script, "wrk", report.toString()).redirectErrorStream(true).start();
        String stat = new String(shell.getInputStream().readAllBytes()).trim();
        shell.waitFor();
        long harness = ReplayRun.cpuMillis(ProcessHandle.current()) - harness0;
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16 and 17)
        long wrkMillis = ticks * 1000 / 100; // USER_HZ is 100 on Linux
        String text = Files.readString(report);
        long requests = Long.parseLong(text.replaceAll("(?s).*\\s(\\d+) requests in.*", "$1"));
        String p99 = text.replaceAll("(?s).*\\s99%\\s+([0-9.]+\\w+).*", "$1");
        Row row = new Row(layer, requests / (double) seconds, requests, seconds, -1, harness, wrkMillis, cpu(instance) - build0,
                postgresCpu() - postgres0);
        rows.add(row);
        System.out.printf(Locale.US, "  %-40s %5.0f req/s: %,7d requests, p99 %s, wrk %.4f ms, harness %.3f ms CPU/request%n",
                layer, row.rate(), requests, p99, row.clientPerRequest(), row.harnessPerRequest());
    }

    /**
     * The embedded PostgreSQL's CPU: the postmaster, its live backends, and the backends that ended
     * (whose CPU the postmaster's reaped-children counters hold).
     */
    private long postgresCpu() {
        return environment.postgres().ownedServerPid().stream()
                .mapToObj(pid -> ProcessHandle.of(pid))
                .flatMap(Optional::stream)
                .mapToLong(server -> reapedChildrenMillis(server.pid())
                        + Stream.concat(Stream.of(server), server.descendants()).mapToLong(ReplayRun::cpuMillis).sum())
                .sum();
    }

    /** cutime + cstime of /proc/PID/stat: the CPU of the children it has waited for (backends that ended). */
    private static long reapedChildrenMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000 / 100; // USER_HZ is 100
        } catch (IOException e) {
            return 0;
        }
    }

    private static long cpu(Instance instance) {
        return ReplayRun.cpuMillis(ProcessHandle.of(instance.process().pid()).orElseThrow());
    }

    private LoadBalancer loadBalancer(Instance instance) {
        LoadBalancer lb = LoadBalancer.create(LoadBalancerConfig.custom().name("bench")
                .healthCheck(HealthCheckConfig.custom().path("/health/readiness").interval(Duration.ofSeconds(5))
                        .timeout(Duration.ofSeconds(2)).healthyThreshold(2).unhealthyThreshold(2).build())
                .idleTimeout(Duration.ofSeconds(30)).build()).start();
        lb.register(instance.target());
        long deadline = System.currentTimeMillis() + 30_000;
        while (lb.healthyCount() < 1 && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        return lb;
    }

    private ProbeSampler probes(Instance instance, Topology topology) {
        Map<String, URI> metrics = Map.of(instance.name(), instance.metricsUrl());
        ProbeSampler sampler = new ProbeSampler(List.of(new MetricsProbe(() -> metrics, topology.metrics(), Duration.ofSeconds(2)),
                new PgActivityProbe(environment.directJdbcUrl("bench"), environment.dbUser(), environment.dbPassword(), "bench")),
                new Timeline(), Duration.ofMillis(500));
        sampler.start();
        return sampler;
    }

    private void print() {
        System.out.println();
        System.out.println("| Layer | Rate asked | Requests | Achieved req/s | p99 | Harness CPU/request | wrk CPU/request | Build CPU/request | PostgreSQL CPU/request |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.US, "| %s | %s | %,d | %.0f | %s | %.3f ms | %s | %.3f ms | %.3f ms |%n", r.layer(),
                    r.p99() < 0 ? "max (8 connections)" : String.format(Locale.US, "%.0f", r.rate()), r.requests(),
                    r.requests() / r.seconds(), r.p99() < 0 ? "see above" : r.p99() + " ms", r.harnessPerRequest(),
                    r.clientCpuMillis() < 0 ? "–" : String.format(Locale.US, "%.4f ms", r.clientPerRequest()),
                    r.requests() == 0 ? 0 : (double) r.buildCpuMillis() / r.requests(),
                    r.requests() == 0 ? 0 : (double) r.postgresCpuMillis() / r.requests());
        }
        Row wrk = rows.stream().filter(r -> r.layer().startsWith("(a)")).findFirst().orElse(null);
        System.out.println();
        System.out.println("| Layer | Marginal harness CPU/request | Ratio to wrk |");
        System.out.println("|---|---|---|");
        Map<String, List<Row>> byLayer = new LinkedHashMap<>();
        rows.stream().filter(r -> r.clientCpuMillis() < 0).forEach(r -> byLayer.computeIfAbsent(r.layer(), k -> new ArrayList<>()).add(r));
        byLayer.forEach((layer, runs) -> {
            List<Row> byRate = runs.stream().sorted(Comparator.comparingDouble(Row::rate)).toList();
            Row low = byRate.get(0);
            Row high = byRate.get(byRate.size() - 1);
            double marginal = (double) (high.harnessCpuMillis() - low.harnessCpuMillis()) / Math.max(1, high.requests() - low.requests());
            System.out.printf(Locale.US, "| %s | %.3f ms | %s |%n", layer, marginal,
                    wrk == null ? "–" : String.format(Locale.US, "%.0f×", marginal / wrk.clientPerRequest()));
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
