package io.incidentreplay.scenario;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.internal.engine.ReplayRun;
import io.incidentreplay.scenario.internal.load.GatlingDriver;
import io.incidentreplay.seed.DatasetSource;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Replays one incident on one build in a running {@link ReplayEnvironment}: clone the seeded dataset,
 * launch and warm the build's instances, put the load balancer model in front, start the probes,
 * drive the load while the fault timeline plays — the fault only once the steady state holds —,
 * then judge and write the result. Teardown (toxics, load balancer, instances, the database clone)
 * always runs.
 *
 * <p>An incident whose control is a second replay ({@link Control.Replay}) gets it first, when the
 * request asks for it: the baseline without the fault's data volume, whose steady state must hold
 * and which must show none of the signature.
 */
public final class ReplayEngine {

    /** The directory and role label of a baseline's control replay. */
    public static final String CONTROL_LABEL = "baseline-control";

    private final ReplayEnvironment environment;
    private final Path outputDirectory;
    private final PrintStream progress;
    private volatile ReplayRun active;

    public ReplayEngine(ReplayEnvironment environment, Path outputDirectory, PrintStream progress) {
        this.environment = environment;
        this.outputDirectory = outputDirectory;
        this.progress = progress;
    }

    /**
     * The request of one replay.
     *
     * @param control whether to run the control replay an incident may need (it costs a replay of
     *     its own; the gate always runs it); ignored for candidates and for control windows
     */
    public record Request(Incident incident, Role role, Build build, DatasetSource dataset, TimeScale timeScale,
            boolean control) {}

    /**
     * Runs the replay to its verdict; the result is also written to
     * {@code <output>/<incident>/<role>/result.json} (the control replay's beside it, under
     * {@code baseline-control}).
     */
    public Replay replay(Request request) {
        check(request);
        Replay control = null;
        if (request.role() == Role.BASELINE && request.control() && request.incident().control() instanceof Control.Replay c) {
            control = run(controlRequest(request, c), CONTROL_LABEL, null);
        }
        return run(request, request.role().name().toLowerCase(java.util.Locale.ROOT), control);
    }

    /**
     * What can be known wrong with a request before anything starts: a simulation of the user's own
     * that Gatling would not find.
     *
     * @throws IllegalArgumentException saying what is wrong and how to mend it
     */
    public static void check(Request request) {
        request.incident().load().simulation().ifPresent(GatlingDriver::simulationClass);
    }

    /**
     * Ends the replay in progress now (Ctrl-C): its result is written as INCOMPLETE with what was
     * observed so far, and its teardown runs. Safe to call at any time, from any thread.
     */
    public void abort(String why) {
        ReplayRun run = active;
        if (run != null) {
            run.abort(why);
        }
    }

    private Replay run(Request request, String label, Replay control) {
        ReplayRun run = new ReplayRun(environment, request, label, outputDirectory.resolve(request.incident().id()).resolve(label),
                progress, control == null ? null : control.result());
        active = run;
        try {
            run.execute();
        } catch (RuntimeException e) {
            run.broke(e);
        }
        ReplayResult result = run.finish(null);
        return new Replay(result, run.directory(), run.observations(), control);
    }

    /** The same baseline, load and toxics on the control's dataset, without the data volume that is the fault. */
    private static Request controlRequest(Request request, Control.Replay control) {
        Incident incident = request.incident();
        Incident withoutVolume = incident.toBuilder()
                .dataset(control.dataset())
                .faults(incident.faults().stream().filter(f -> !(f instanceof Fault.DataVolume)).toArray(Fault[]::new))
                .build();
        return new Request(withoutVolume, Role.BASELINE, request.build(), withoutVolume.dataset(),
                request.timeScale(), false);
    }
}
