package io.incidentreplay.scenario.junit;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.internal.file.IncidentFile;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replays incidents in the test's environment, one after another, each to its verdict; a test gets
 * one as a parameter ({@link IncidentReplayTest}). Every replay writes its result.json and HTML
 * report under the test's own directory, whatever the verdict and whether or not the test then
 * fails. A replay never throws for a verdict: assert on the {@link Replay} it returns
 * ({@link ReplayAssertions#assertThat(Replay)}).
 */
public final class Replayer {

    private final Supplier<ReplayEnvironment> environment;
    private final Path output;
    private final Optional<TimeScale> timeScale;
    private final boolean control;

    Replayer(Supplier<ReplayEnvironment> environment, Path output) {
        this(environment, output, Optional.empty(), true);
    }

    private Replayer(Supplier<ReplayEnvironment> environment, Path output, Optional<TimeScale> timeScale, boolean control) {
        this.environment = environment;
        this.output = output;
        this.timeScale = timeScale;
        this.control = control;
    }

    /** The environment behind it, started on first use (for the extension's own tests). */
    Supplier<ReplayEnvironment> environment() {
        return environment;
    }

    /** The same replayer at another time scale than the incident's own. */
    public Replayer atTimeScale(TimeScale scale) {
        return new Replayer(environment, output, Optional.of(scale), control);
    }

    /**
     * The same replayer without the control replay a baseline's verdict may rest on (an incident
     * whose control is a second replay): faster, but such a baseline is then judged on its control
     * window only.
     */
    public Replayer withoutControlReplay() {
        return new Replayer(environment, output, timeScale, false);
    }

    /** The incident of a file, e.g. to change it with {@link Incident#toBuilder()} before replaying it. */
    public static Incident incident(Path file) {
        return IncidentFile.load(file).incident();
    }

    /** Replays an incident file on the build its {@code service} section names for the role. */
    public Replay replay(Path file, Role role) {
        LoadedIncident loaded = IncidentFile.load(file);
        Optional<Build> build = role == Role.BASELINE ? loaded.baseline() : loaded.candidate();
        return replay(loaded.incident(), role, build.orElseThrow(() -> new IllegalArgumentException(file
                + " names no " + role.name().toLowerCase(java.util.Locale.ROOT) + " build under service:; pass one: replay(file, role, build)")));
    }

    /** Replays an incident file on another build than the one its file names (e.g. the release under test). */
    public Replay replay(Path file, Role role, Build build) {
        return replay(IncidentFile.load(file).incident(), role, build);
    }

    /** Replays an incident, from a file or built with {@link Incident#builder(String)}, on a build. */
    public Replay replay(Incident incident, Role role, Build build) {
        ReplayEngine engine = new ReplayEngine(environment.get(), output, System.out);
        return engine.replay(new ReplayEngine.Request(incident, role, build, incident.dataset(),
                timeScale.orElse(incident.defaultTimeScale()), control));
    }
}
