package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.launch.BuildInstance;
import io.incidentreplay.fixtures.environment.launch.LaunchSpec;
import io.incidentreplay.fixtures.environment.launch.Launcher;
import io.incidentreplay.fixtures.environment.launch.Watchdog;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's instances for one replay: launched from a jar or a command line with the incident's
 * settings and the dependencies' addresses in their environment — or, for a build at URLs, the
 * instances that already run, adopted as they are.
 */
final class Deployment implements AutoCloseable {

    private final Launcher launcher;
    private final List<Instance> instances;

    private Deployment(Launcher launcher, List<Instance> instances) {
        this.launcher = launcher;
        this.instances = List.copyOf(instances);
    }

    /**
     * @param name the instances' name prefix, e.g. {@code baseline}
     * @param environment the dependencies' variables, then the topology's settings (the time scale
     *     multiplies every {@code *_MS} one)
     */
    static Deployment of(Build build, Topology topology, String name, Map<String, String> environment, double timeScale,
            Path logDirectory, Watchdog watchdog) {
        if (build instanceof Build.Urls urls) {
            List<Instance> adopted = new ArrayList<>();
            for (int i = 0; i < urls.instances().size(); i++) {
                URI base = urls.instances().get(i);
                adopted.add(new Instance(name + "-" + i, base, base, null));
            }
            return new Deployment(null, adopted);
        }
        LaunchSpec.Builder spec = build instanceof Build.Jar jar
                ? LaunchSpec.forJar(jar.path()).jvmArgs(topology.jvmArgs())
                : LaunchSpec.forCommand(((Build.Command) build).command()).workingDirectory(((Build.Command) build).workingDirectory());
        spec.name(name)
                .instances(topology.instances())
                .portVariable(topology.portVariable())
                .readinessPath(topology.healthCheck().path()) // ready once it would pass its health check
                .env(environment)
                .env(topology.settings())
                .timeScale(timeScale);
        String metricsPort = topology.metrics().portVariable();
        if (metricsPort != null) {
            spec.extraPort(metricsPort);
        }
        Launcher launcher = new Launcher(logDirectory, Launcher.DEFAULT_SHUTDOWN_GRACE, watchdog);
        List<Instance> launched = new ArrayList<>();
        for (BuildInstance i : launcher.launch(spec.build())) {
            URI metrics = metricsPort == null ? i.baseUrl() : URI.create("http://127.0.0.1:" + i.port(metricsPort));
            launched.add(new Instance(i.name(), i.baseUrl(), metrics, i));
        }
        return new Deployment(launcher, launched);
    }

    List<Instance> instances() {
        return instances;
    }

    /** Whether the replay launched the instances (and can restart them, and read their processes). */
    boolean launched() {
        return launcher != null;
    }

    /** Restarts a launched instance (SIGTERM, {@code grace}, SIGKILL, the same command again): an orchestrator's restart. */
    Launcher.Restart restart(int index, Duration grace) {
        requireLaunched("restart");
        return launcher.restart(index, grace);
    }

    /** Stops a launched instance for good (SIGTERM, {@code grace}, SIGKILL): a scale-in. */
    Launcher.Stop stop(int index, Duration grace) {
        requireLaunched("stop");
        return launcher.stop(index, grace);
    }

    /** CPU the launched instances used so far, ms, the processes restarts replaced included; 0 for instances at URLs. */
    long cpuMillis() {
        return launcher == null ? 0 : launcher.instances().stream()
                .mapToLong(i -> ProcessHandle.of(i.pid()).map(ReplayRun::cpuMillis).orElse(0L) + i.replacedCpuMillis()).sum();
    }

    private void requireLaunched(String what) {
        if (launcher == null) {
            throw new ReplayException("cannot " + what + " an instance at a URL: the replay did not launch it");
        }
    }

    /** Stops what the replay launched; instances at URLs are left as they were found. */
    @Override
    public void close() {
        if (launcher != null) {
            launcher.close();
        }
    }
}
