package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.launch.Launcher;
import io.incidentreplay.fixtures.loadbalancer.HealthCheckConfig;
import io.incidentreplay.fixtures.loadbalancer.LoadBalancer;
import io.incidentreplay.fixtures.loadbalancer.TargetAddress;
import io.incidentreplay.fixtures.loadbalancer.TargetHealthReason;
import io.incidentreplay.fixtures.loadbalancer.TargetState;
import io.incidentreplay.fixtures.loadbalancer.healthcheck.HttpHealthProbe;
import io.incidentreplay.fixtures.loadbalancer.healthcheck.ProbeOutcome;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The replacement fault's steps on a launched build behind the load balancer, as a rolling deploy
 * takes them (A4): deregister the target, SIGTERM, SIGKILL if it has not exited after the kill delay
 * (the launcher's restart), start it again on its port, register it, wait until it is healthy; or,
 * as an auto scaling group launches one, not wait; or, a scale-in, start nothing in its place. Each
 * step is checked, not assumed, and what it took goes into the timeline by instance:
 * <ul>
 *   <li>{@code replace.notReady.ms}: SIGTERM to the first answer of the health-check path that is not a
 *       success (a 503 while it drains); absent when it never answered so (it stopped accepting first);</li>
 *   <li>{@code replace.inFlight}: requests the load balancer had sent it and not had answered at
 *       SIGTERM (just after the deregistration), the work its drain must finish;</li>
 *   <li>{@code replace.exit.ms}: SIGTERM to the process's exit;</li>
 *   <li>{@code replace.killed}: 1 when it took the SIGKILL, else 0;</li>
 *   <li>{@code replace.healthy.ms}: registration of the new process to healthy at the load balancer.</li>
 * </ul>
 */
final class Replacements implements FaultScheduler.Instances {

    /** How often readiness is asked between SIGTERM and the exit: "503 within 1 s" needs far finer than 1 s. */
    private static final Duration READINESS_POLL = Duration.ofMillis(20);
    private static final Duration READINESS_TIMEOUT = Duration.ofMillis(250);

    private final Deployment deployment;
    private final LoadBalancer loadBalancer;
    private final Timeline timeline;
    private final HttpHealthProbe readiness;
    private final Duration healthyWithin;
    /** The orchestrator, when one watches the build: it must see each new process as a new task. */
    private final Optional<Liveness> liveness;

    /** How long a new process may take to listen and migrate, on top of the health checks that make it healthy. */
    private static final Duration START_UP = Duration.ofSeconds(30);

    Replacements(Deployment deployment, LoadBalancer loadBalancer, Timeline timeline, Optional<Liveness> liveness) {
        this.deployment = deployment;
        this.liveness = liveness;
        this.loadBalancer = loadBalancer;
        this.timeline = timeline;
        HealthCheckConfig hc = loadBalancer.config().healthCheck();
        this.readiness = new HttpHealthProbe(hc.path(), READINESS_TIMEOUT, hc.successCodes(), System::nanoTime);
        this.healthyWithin = loadBalancer.config().scaled(hc.interval().multipliedBy(hc.healthyThreshold() + 2)).plus(START_UP);
    }

    @Override
    public int count() {
        return deployment.launched() ? deployment.instances().size() : 0;
    }

    @Override
    public String replace(int index, Duration killAfter, Fault.Successor successor) throws Exception {
        Instance instance = deployment.instances().get(index);
        TargetAddress target = TargetAddress.parse(instance.target());
        loadBalancer.deregister(target);
        TargetState state = loadBalancer.targetStates().get(target);
        if (state != TargetState.DRAINING) {
            throw new ReplayException("deregistered " + instance.name() + ", but the load balancer has it " + state + ", not draining");
        }
        long sigtermAt = System.currentTimeMillis();
        int inFlight = loadBalancer.inFlight(target);
        sample(sigtermAt, "replace.inFlight", instance.name(), inFlight);
        Watch watch = Watch.start(readiness, target);
        if (successor == Fault.Successor.NONE) {
            Launcher.Stop stop = liveness.isPresent()
                    ? liveness.get().removed(index, () -> deployment.stop(index, killAfter)) : deployment.stop(index, killAfter);
            return stopped(instance, sigtermAt, inFlight, watch.stop(), stop, killAfter) + "; nothing takes its place";
        }
        Launcher.Restart restart = liveness.isPresent()
                ? liveness.get().replaced(index, () -> deployment.restart(index, killAfter)) : deployment.restart(index, killAfter);
        String stopped = stopped(instance, sigtermAt, inFlight, watch.stop(), restart.stopped(), killAfter)
                + "; pid " + restart.newPid() + " in its place, registered";
        loadBalancer.register(target);
        if (successor == Fault.Successor.STARTED) {
            return stopped + "; not waited for";
        }
        long registered = System.nanoTime();
        awaitHealthy(target, instance.name());
        long healthyMillis = (System.nanoTime() - registered) / 1_000_000;
        sample(System.currentTimeMillis(), "replace.healthy.ms", instance.name(), healthyMillis);
        return stopped + String.format(Locale.US, ", healthy after %,d ms", healthyMillis);
    }

    /** Records the stop's series and says what it did. */
    private String stopped(Instance instance, long sigtermAt, int inFlight, Optional<Seen> notReady, Launcher.Stop stop,
            Duration killAfter) {
        notReady.filter(Seen::answered).ifPresent(seen -> sample(sigtermAt, "replace.notReady.ms", instance.name(), seen.millis()));
        sample(sigtermAt, "replace.exit.ms", instance.name(), stop.exitMillis());
        sample(sigtermAt, "replace.killed", instance.name(), stop.killed() ? 1 : 0);
        return String.format(Locale.US, "%s deregistered, SIGTERM with %d request(s) in flight on it; %s; pid %d exited %d after %,d ms%s",
                instance.name(), inFlight, notReady.map(Seen::words).orElse("its health check passed until it exited"), stop.pid(), stop.exitCode(),
                stop.exitMillis(), stop.killed() ? " (SIGKILL after " + killAfter.toMillis() + " ms)" : "");
    }

    private void awaitHealthy(TargetAddress target, String name) {
        long deadline = System.nanoTime() + healthyWithin.toNanos();
        while (loadBalancer.targetStates().get(target) != TargetState.HEALTHY) {
            if (System.nanoTime() > deadline) {
                throw new ReplayException(name + " restarted and registered, but not healthy at the load balancer within "
                        + healthyWithin.toMillis() + " ms (it is " + loadBalancer.targetStates().get(target) + ")");
            }
            pause(Duration.ofMillis(50));
        }
    }

    private void sample(long atMillis, String series, String source, double value) {
        timeline.add(new Sample(atMillis, series, source, value));
    }

    /** The first answer after SIGTERM that was not a pass, ms after SIGTERM; answered when it was an HTTP status. */
    record Seen(long millis, boolean answered, String description) {
        String words() {
            return (answered ? "not ready after " : "no answer after ") + millis + " ms (" + description + ")";
        }
    }

    /** Asks the health-check path every {@link #READINESS_POLL} from SIGTERM on, until the first answer that is not a pass. */
    private static final class Watch {
        private final AtomicReference<Seen> seen = new AtomicReference<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread thread;

        private Watch(HttpHealthProbe probe, TargetAddress target, long startNanos) {
            thread = new Thread(() -> {
                while (!stopped.get() && seen.get() == null) {
                    ProbeOutcome outcome = probe.check(target);
                    if (!outcome.passed()) {
                        seen.set(new Seen((System.nanoTime() - startNanos) / 1_000_000,
                                outcome.reason() == TargetHealthReason.RESPONSE_CODE_MISMATCH, outcome.description()));
                        return;
                    }
                    pause(READINESS_POLL);
                }
            }, "replacement-readiness-" + target);
            thread.setDaemon(true);
        }

        static Watch start(HttpHealthProbe probe, TargetAddress target) {
            Watch watch = new Watch(probe, target, System.nanoTime());
            watch.thread.start();
            return watch;
        }

        Optional<Seen> stop() {
            stopped.set(true);
            try {
                thread.join(READINESS_TIMEOUT.toMillis() * 4); // at most one probe still under way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.ofNullable(seen.get());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while replacing an instance", e);
        }
    }
}
