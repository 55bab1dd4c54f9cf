package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.fixtures.orchestrator.LivenessProbeConfig;
import io.incidentreplay.scenario.Auth;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.HealthCheck;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Metrics;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.seed.DatasetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an incident file that say how the builds run: {@code service}, {@code dependencies},
 * {@code dataset}, {@code auth} and {@code builds}.
 */
final class DeploymentSection {

    private DeploymentSection() {}

    /** What both roles' builds share: how they run, their port variable, JVM options and metrics. */
    record Service(Optional<Build> baseline, Optional<Build> candidate, String portVariable, List<String> jvmArgs,
            Metrics metrics) {}

    static Service service(YamlNode root) {
        Optional<YamlNode> service = root.required("service", "how the builds run: baseline, candidate, metrics");
        service.ifPresent(s -> s.onlyKeys("baseline", "candidate", "port", "jvmArgs", "metrics"));
        Optional<Build> baseline = service.flatMap(s -> s.optional("baseline")).flatMap(DeploymentSection::build);
        Optional<Build> candidate = service.flatMap(s -> s.optional("candidate")).flatMap(DeploymentSection::build);
        String port = service.flatMap(s -> s.optional("port")).flatMap(YamlNode::text).orElse("PORT");
        List<String> jvmArgs = service.flatMap(s -> s.optional("jvmArgs")).map(YamlNode::stringList).orElse(List.of());
        Metrics metrics = service.flatMap(s -> s.optional("metrics")).map(DeploymentSection::metrics)
                .orElse(Metrics.micrometer("/metrics", null));
        return new Service(baseline, candidate, port, jvmArgs, metrics);
    }

    /** {@code {jar: path}}, {@code {command: [..] or "..", workingDirectory: path}} or {@code {urls: [..]}}. */
    static Optional<Build> build(YamlNode build) {
        build.onlyKeys("jar", "command", "workingDirectory", "urls");
        List<String> kinds = build.entries().keySet().stream().filter(k -> List.of("jar", "command", "urls").contains(k)).toList();
        if (kinds.size() != 1) {
            build.problem("needs exactly one of jar (a runnable jar), command (any command line) or urls (instances that "
                    + "already run), but has " + kinds);
            return Optional.empty();
        }
        try {
            return switch (kinds.get(0)) {
                case "jar" -> build.optional("jar").flatMap(YamlNode::path).map(Build.Jar::new);
                case "command" -> {
                    YamlNode command = build.optional("command").get();
                    List<String> words = command.isList() ? command.stringList()
                            : command.text().map(t -> List.of(t.trim().split("\\s+"))).orElse(List.of());
                    Path directory = build.optional("workingDirectory").flatMap(YamlNode::path).orElse(build.file().getParent());
                    yield words.isEmpty() ? Optional.empty() : Optional.of(new Build.Command(words, directory));
                }
                default -> Optional.of(new Build.Urls(build.optional("urls").get().stringList().stream()
                        .map(java.net.URI::create).toList()));
            };
        } catch (IllegalArgumentException e) {
            build.problem(e.getMessage());
            return Optional.empty();
        }
    }

    static Metrics metrics(YamlNode m) {
        m.onlyKeys("path", "port");
        String path = m.optional("path").flatMap(YamlNode::text).orElse("/metrics");
        String port = m.optional("port").flatMap(YamlNode::text).orElse(null);
        if (!path.startsWith("/")) {
            m.optional("path").get().problem("must start with '/', e.g. /metrics or /actuator/prometheus");
            path = "/metrics";
        }
        return Metrics.micrometer(path, port);
    }

    static List<Dependency> dependencies(YamlNode root) {
        List<Dependency> dependencies = new ArrayList<>();
        root.optional("dependencies").ifPresent(deps -> deps.entries().forEach((name, dep) -> {
            dep.onlyKeys("postgres", "http", "s3", "cloudWatchLogs", "env");
            Map<String, String> env = dep.required("env", "the variables that point the build at it").map(YamlNode::stringMap)
                    .orElse(Map.of());
            if (dep.optional("postgres").isPresent()) {
                dependencies.add(new Dependency.Postgres(name, variable(dep, env, "url"), env.get("user"), env.get("password")));
            } else if (dep.optional("http").isPresent()) {
                YamlNode http = dep.optional("http").get();
                http.onlyKeys("stub");
                http.required("stub", "the folder of its WireMock files (mappings/*.json), relative to this file")
                        .flatMap(YamlNode::path).ifPresent(stub -> {
                            if (!Files.isDirectory(stub.resolve("mappings"))) {
                                http.optional("stub").get().problem("no WireMock mappings at " + stub.resolve("mappings")
                                        + ": the folder needs mappings/*.json");
                            }
                            dependencies.add(new Dependency.Http(name, variable(dep, env, "url"), stub));
                        });
            } else if (dep.optional("s3").isPresent()) {
                s3(name, dep, env).ifPresent(dependencies::add);
            } else if (dep.optional("cloudWatchLogs").isPresent()) {
                cloudWatchLogs(name, dep, env).ifPresent(dependencies::add);
            } else {
                dep.problem("must say what it is: postgres: {}, http: {stub: <folder of WireMock mappings>}, "
                        + "s3: {bucket: <name>, versioning: true} or cloudWatchLogs: {prefix: /ecs/}");
            }
        }));
        return dependencies;
    }

    /** {@code s3: {bucket, versioning}} with {@code env: {url, bucket, region, accessKey, secretKey}} (all but url optional). */
    private static Optional<Dependency> s3(String name, YamlNode dep, Map<String, String> env) {
        YamlNode s3 = dep.optional("s3").get();
        s3.onlyKeys("bucket", "versioning");
        dep.optional("env").ifPresent(e -> e.onlyKeys("url", "bucket", "region", "accessKey", "secretKey"));
        Optional<String> bucket = s3.required("bucket", "the bucket the build stores in, e.g. petforce-user-uploads")
                .flatMap(YamlNode::text);
        boolean versioning = s3.optional("versioning").flatMap(YamlNode::bool).orElse(false);
        String url = variable(dep, env, "url");
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Dependency.S3(name, bucket.get(), versioning, url, env.get("bucket"), env.get("region"),
                    env.get("accessKey"), env.get("secretKey")));
        } catch (IllegalArgumentException e) {
            s3.optional("bucket").get().problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code cloudWatchLogs: {prefix}} with {@code env: {url, region, accessKey, secretKey}} (all but url optional). */
    private static Optional<Dependency> cloudWatchLogs(String name, YamlNode dep, Map<String, String> env) {
        YamlNode logs = dep.optional("cloudWatchLogs").get();
        logs.onlyKeys("prefix");
        dep.optional("env").ifPresent(e -> e.onlyKeys("url", "region", "accessKey", "secretKey"));
        String prefix = logs.optional("prefix").flatMap(YamlNode::text).orElse("/");
        String url = variable(dep, env, "url");
        try {
            return Optional.of(new Dependency.CloudWatchLogs(name, prefix, url, env.get("region"), env.get("accessKey"),
                    env.get("secretKey")));
        } catch (IllegalArgumentException e) {
            (logs.optional("prefix").isPresent() ? logs.optional("prefix").get() : logs).problem(e.getMessage());
            return Optional.empty();
        }
    }

    static String variable(YamlNode dep, Map<String, String> env, String key) {
        String variable = env.get(key);
        if (variable == null) {
            dep.problem("env." + key + " is missing: the variable that receives the proxied address");
            return key.toUpperCase(java.util.Locale.ROOT);
        }
        return variable;
    }

    /** {@code {preset: mvp}} (the PetForce seeder), or {@code {sql: file}}: a SQL script or a plain-format pg_dump. */
    static void dataset(YamlNode d, Incident.Builder b) {
        d.onlyKeys("preset", "sql");
        if (d.optional("sql").isPresent()) {
            d.optional("sql").flatMap(YamlNode::path).ifPresent(file -> {
                if (!Files.isRegularFile(file)) {
                    d.optional("sql").get().problem("no SQL file at " + file);
                } else {
                    b.dataset(new DatasetSource.Script(file));
                }
            });
            return;
        }
        d.required("preset", "mvp, ci or production, or sql: <a SQL script or plain-format pg_dump>")
                .flatMap(p -> p.oneOf("mvp", "ci", "production")).ifPresent(b::dataset);
    }

    static Auth auth(YamlNode a) {
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

    static void builds(YamlNode root, Service service, Incident.Builder b) {
        Optional<YamlNode> builds = root.required("builds", "baseline and candidate: instances, healthCheck, settings");
        builds.ifPresent(x -> x.onlyKeys("baseline", "candidate"));
        Optional<Topology> baseline = builds.flatMap(x -> x.required("baseline", "how the baseline runs")).flatMap(t -> topology(t, service));
        Optional<Topology> candidate = builds.flatMap(x -> x.required("candidate", "how the candidate runs")).flatMap(t -> topology(t, service));
        if (baseline.isPresent() && candidate.isPresent()) {
            b.topologies(baseline.get(), candidate.get());
        }
    }

    static Optional<Topology> topology(YamlNode t, Service service) {
        t.onlyKeys("instances", "healthCheck", "requestTimeout", "settings", "livenessProbe");
        Optional<Integer> instances = t.required("instances", "how many behind the load balancer").flatMap(YamlNode::integer);
        Optional<HealthCheck> hc = t.required("healthCheck", "the load balancer's health check").flatMap(DeploymentSection::healthCheck);
        Optional<Duration> requestTimeout = t.required("requestTimeout", "the load balancer's idle timeout, e.g. 60s")
                .flatMap(YamlNode::duration);
        Map<String, String> settings = t.optional("settings").map(YamlNode::stringMap).orElse(Map.of());
        Optional<YamlNode> livenessNode = t.optional("livenessProbe");
        Optional<LivenessProbeConfig> liveness = livenessNode.flatMap(DeploymentSection::livenessProbe);
        if (instances.isEmpty() || hc.isEmpty() || requestTimeout.isEmpty() || livenessNode.isPresent() != liveness.isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Topology(instances.get(), hc.get(), requestTimeout.get(), settings, service.jvmArgs(),
                    service.metrics(), service.portVariable(), liveness));
        } catch (IllegalArgumentException e) {
            t.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code livenessProbe: {path: /health, period: 10s, timeout: 5s, failureThreshold: 3, initialDelay: 30s}}:
     * the orchestrator's probe, Kubernetes' defaults where left out (period 10 s, timeout 1 s,
     * failureThreshold 3, initialDelay 0).
     */
    static Optional<LivenessProbeConfig> livenessProbe(YamlNode p) {
        p.onlyKeys("path", "period", "timeout", "failureThreshold", "initialDelay");
        Optional<String> path = p.required("path", "the path the orchestrator probes, e.g. /health/liveness").flatMap(YamlNode::text);
        Duration period = p.optional("period").flatMap(YamlNode::duration).orElse(Duration.ofSeconds(10));
        Duration timeout = p.optional("timeout").flatMap(YamlNode::duration).orElse(Duration.ofSeconds(1));
        int failures = p.optional("failureThreshold").flatMap(YamlNode::integer).orElse(3);
        Duration initialDelay = p.optional("initialDelay").flatMap(YamlNode::duration).orElse(Duration.ZERO);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LivenessProbeConfig(path.get(), period, timeout, failures, initialDelay));
        } catch (IllegalArgumentException e) {
            p.problem(e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<HealthCheck> healthCheck(YamlNode h) {
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
}
