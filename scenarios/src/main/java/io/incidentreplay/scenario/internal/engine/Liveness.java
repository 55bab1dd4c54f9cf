package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.launch.Launcher;
import io.incidentreplay.fixtures.loadbalancer.TargetAddress;
import io.incidentreplay.fixtures.orchestrator.LivenessProbeConfig;
import io.incidentreplay.fixtures.orchestrator.Orchestrator;
import io.incidentreplay.fixtures.orchestrator.Restart;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.internal.probe.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The orchestrator of one replay, for a build with a liveness probe: it restarts an instance whose
 * probe fails often enough in a row (through the launcher, so the restart is a real new process),
 * says so on the console as it happens, and counts restarts into the series
 * {@code orchestrator.restarts} (per instance, from 0).
 */
final class Liveness implements AutoCloseable {

    /** Kubernetes' default {@code terminationGracePeriodSeconds}: SIGTERM, then SIGKILL after this long. */
    static final Duration TERMINATION_GRACE = Duration.ofSeconds(30);

    private final Orchestrator orchestrator;
    private final List<Instance> instances;

    private Liveness(Orchestrator orchestrator, List<Instance> instances) {
        this.orchestrator = orchestrator;
        this.instances = instances;
    }

    /**
     * @param probe the build's liveness probe in incident time; the orchestrator runs it scaled
     * @param say where each restart is told as it happens
     */
    static Liveness start(LivenessProbeConfig probe, Deployment deployment, TimeScale scale, Consumer<String> say) {
        LivenessProbeConfig scaled = new LivenessProbeConfig(probe.path(), scale.apply(probe.period()), scale.apply(probe.timeout()),
                probe.failureThreshold(), scale.apply(probe.initialDelay()));
        List<Instance> instances = deployment.instances();
        List<Orchestrator.Target> targets = instances.stream()
                .map(i -> new Orchestrator.Target(i.name(), TargetAddress.parse(i.target()))).toList();
        Duration grace = scale.apply(TERMINATION_GRACE);
        Orchestrator orchestrator = Orchestrator.start(scaled, targets, index -> describe(deployment.restart(index, grace)),
                restart -> say.accept(line(restart, scaled)));
        say.accept(String.format(Locale.US, "orchestrator: liveness probe %s every %d ms (timeout %d ms), restart after %d failures, "
                        + "initial delay %d ms", scaled.path(), scaled.period().toMillis(), scaled.timeout().toMillis(),
                scaled.failureThreshold(), scaled.initialDelay().toMillis()));
        return new Liveness(orchestrator, instances);
    }

    private static String describe(Launcher.Restart restart) {
        return "pid " + restart.stopped().pid() + " (exit " + restart.stopped().exitCode() + ") replaced by pid " + restart.newPid();
    }

    static String line(Restart restart, LivenessProbeConfig probe) {
        String why = restart.failures().size() + " failed liveness probes in a row on " + probe.path() + " (last: "
                + restart.failures().get(restart.failures().size() - 1) + ")";
        return restart.done() ? "orchestrator restarted " + restart.target() + " after " + why + ": " + restart.detail()
                : "orchestrator could not restart " + restart.target() + " after " + why + ": " + restart.detail();
    }

    /**
     * Runs a replacement fault's restart of instance {@code index}: the orchestrator does not probe
     * the instance meanwhile, and gives the new process its initial delay, as it would a new task.
     */
    Launcher.Restart replaced(int index, Callable<Launcher.Restart> restart) throws Exception {
        return orchestrator.replaced(index, restart);
    }

    /** Runs a scale-in's stop of instance {@code index}: the orchestrator stops watching it, so nothing restarts it. */
    Launcher.Stop removed(int index, Callable<Launcher.Stop> stop) throws Exception {
        return orchestrator.removed(index, stop);
    }

    /** Each instance's restarts so far, one sample each per round. */
    Probe probe() {
        return (at, timeline) -> instances.forEach(i ->
                timeline.add(new Sample(at, "orchestrator.restarts", i.name(), orchestrator.restartCount(i.name()))));
    }

    /** For the result's notes: how many restarts, of which instance. */
    String summary() {
        List<Restart> restarts = orchestrator.restarts();
        if (restarts.isEmpty()) {
            return "the orchestrator restarted no instance";
        }
        Map<String, Long> byInstance = restarts.stream().filter(Restart::done)
                .collect(Collectors.groupingBy(Restart::target, TreeMap::new, Collectors.counting()));
        long failed = restarts.stream().filter(r -> !r.done()).count();
        return "the orchestrator restarted instances " + byInstance.values().stream().mapToLong(Long::longValue).sum() + " time(s): "
                + byInstance.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))
                + (failed > 0 ? "; " + failed + " restart(s) failed" : "");
    }

    /** Stops probing; a restart under way finishes first. */
    @Override
    public void close() {
        orchestrator.close();
    }
}
