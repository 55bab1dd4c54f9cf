package io.incidentreplay.scenario.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.engine.ReplayEngine;
import io.incidentreplay.scenario.engine.ReplayResult;
import io.incidentreplay.scenario.engine.Verdict;
import io.incidentreplay.scenario.expect.Expectation;
import io.incidentreplay.scenario.incident.Fault;
import io.incidentreplay.scenario.incident.Incident;
import io.incidentreplay.scenario.incident.Incident.Role;
import io.incidentreplay.scenario.incident.LoadProfile;
import io.incidentreplay.scenario.incident.RequestSpec;
import io.incidentreplay.scenario.incident.ToxicSpec;
import io.incidentreplay.scenario.incidents.Incidents;
import io.incidentreplay.seed.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine fails correctly: a replay that cannot fail proves nothing. */
class ReplayEngineIT {

    private static final Path OUTPUT = Path.of("target", "replay-engine-it").toAbsolutePath();
    private static ReplayEnvironment environment;
    private final Incident weatherCascade = Incidents.byId("weather-cascade");

    @BeforeAll
    static void startEnvironment() {
        environment = new ReplayEnvironment(EnvironmentConfig.custom().embedded().runDirectory(OUTPUT.resolve("environment")).build());
        environment.start();
    }

    @AfterAll
    static void stopEnvironment() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void aCandidateWithTheBugFailsWithTheBudgetItBlew() {
        ReplayResult result = replay("bug-as-candidate", weatherCascade, Role.CANDIDATE, ReferenceJars.before());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("fault p99 of dashboard").contains(" > "));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("run min lb.healthy"));
    }

    /**
     * The load asks only for pets, never the dashboard, so no request ever needs the weather API
     * (and the candidate's health checks never call it): the stall on the weather API touches
     * nothing, and nothing was tested. An earlier version paused the load around the fault instead;
     * in one CI run a 29-byte chunk from a connection left over from the warm-up crossed the toxic,
     * so the fault counted as applied. With no weather connection at all there is nothing to cross.
     */
    @Test
    void aReplayWhoseFaultTouchedNothingIsInvalidNeverAPass() {
        List<RequestSpec> petsOnly = weatherCascade.load().mix().stream()
                .filter(request -> !request.path().contains("dashboard"))
                .toList();
        Incident untouched = weatherCascade.toBuilder()
                .load(new LoadProfile(weatherCascade.load().phases(), petsOnly))
                .steadyState(withoutDashboardExpectations(weatherCascade.steadyState()))
                .budgets(withoutDashboardExpectations(weatherCascade.budgets()))
                .build();

        ReplayResult result = replay("untouched-fault", untouched, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString().startsWith("fault not applied: latency").contains("0 chunks");
        assertThat(result.faultChecks()).singleElement().satisfies(check -> assertThat(check.verified()).isFalse());
    }

    @Test
    void aFaultThatCouldNotBeAppliedMakesTheReplayInvalid() {
        Incident misaddressed = weatherCascade.toBuilder()
                .faults(Fault.toxic("weather", ToxicSpec.latency(47_283), "fault"))
                .build();

        ReplayResult result = replay("misaddressed-fault", misaddressed, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString().startsWith("fault not applied: latency").contains("failed");
    }

    /** pool-exhaustion's fault is its data: on the 20 MVP pets the unbounded list is cheap and tests nothing. */
    @Test
    void aReplayWithoutTheDataVolumeItsFaultNeedsIsInvalidAndLaunchesNothing() {
        Incident poolExhaustion = Incidents.byId("pool-exhaustion");
        ReplayEngine engine = new ReplayEngine(environment, OUTPUT.resolve("too-little-data"), System.out);

        ReplayResult result = engine.replay(new ReplayEngine.Request(poolExhaustion, Role.CANDIDATE, ReferenceJars.after(),
                DatasetSpec.preset("mvp"), poolExhaustion.defaultTimeScale(), false));

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString()
                .startsWith("fault not applied: live pets >= 200,000")
                .contains("20 live pets").contains("--dataset production");
        assertThat(OUTPUT.resolve("too-little-data/pool-exhaustion/candidate/instances")).doesNotExist();
        assertThat(OUTPUT.resolve("too-little-data/pool-exhaustion/candidate/report.html")).isRegularFile();
    }

    private static ReplayResult replay(String test, Incident incident, Role role, Path jar) {
        ReplayEngine engine = new ReplayEngine(environment, OUTPUT.resolve(test), System.out);
        return engine.replay(new ReplayEngine.Request(incident, role, jar, DatasetSpec.preset(incident.dataset()),
                incident.defaultTimeScale(), false));
    }

    /** The expectations that name no dashboard request, for a load that sends none. */
    private static Expectation[] withoutDashboardExpectations(List<Expectation> expectations) {
        return expectations.stream().filter(e -> e.request().filter("dashboard"::equals).isEmpty()).toArray(Expectation[]::new);
    }
}
