package io.incidentreplay.scenario.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.HealthCheck;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.Topology;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import io.incidentreplay.fixtures.environment.testsupport.MotoServer;
import io.incidentreplay.scenario.ToxicSpec;
import io.incidentreplay.scenario.testsupport.BuiltInIncidents;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.seed.DatasetSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine fails correctly: a replay that cannot fail proves nothing. */
class ReplayEngineIT {

    private static final Path OUTPUT = Path.of("target", "replay-engine-it").toAbsolutePath();
    private static ReplayEnvironment environment;
    /** CloudWatch Logs for log-explosion's retention checks, where moto_server is installed; else they are not checkable. */
    private static MotoServer moto;
    private final Incident weatherCascade = BuiltInIncidents.byId("weather-cascade");

    @BeforeAll
    static void startEnvironment() {
        EnvironmentConfig.Builder config = EnvironmentConfig.custom().embedded().runDirectory(OUTPUT.resolve("environment"));
        MotoServer.find().ifPresentOrElse(server -> {
            moto = MotoServer.start(server, OUTPUT.resolve("moto.log"));
            config.cloudWatchLogs(moto.url());
        }, () -> System.out.println("moto_server is not installed: log-explosion's log-group checks are not checkable here"));
        environment = new ReplayEnvironment(config.build());
        environment.start();
    }

    @AfterAll
    static void stopEnvironment() {
        if (environment != null) {
            environment.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static final String RETENTION = "share of cloudwatch-logs's log groups without retention";

    /** The retention budget: judged where there is CloudWatch Logs, not checkable (and never failed) where there is none. */
    private static Finding retention(ReplayResult result) {
        Finding finding = result.findings().stream().filter(f -> f.kind().equals("budget")).map(ReplayResult.JudgedFinding::finding)
                .filter(f -> f.expectation().startsWith(RETENTION)).findFirst().orElseThrow();
        assertThat(finding.notCheckable()).as(finding.reason()).isEqualTo(moto == null);
        return finding;
    }

    /**
     * The incident-era build as the candidate, health-checked on {@code /} as its own target group
     * was (it has no readiness endpoint: on {@code /health/readiness} it would never be steady, and
     * the replay would be INVALID, not a verdict).
     */
    @Test
    void aCandidateWithTheBugFailsWithTheBudgetItBlew() {
        Incident bugAsCandidate = weatherCascade.toBuilder()
                .topologies(weatherCascade.topology(Role.BASELINE), weatherCascade.topology(Role.BASELINE))
                .build();

        ReplayResult result = replay("bug-as-candidate", bugAsCandidate, Role.CANDIDATE, ReferenceJars.before());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("fault p99 of dashboard").contains(" > "));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("run min lb.healthy"));
    }

    /**
     * cascading-timeout's incident-era build as the candidate, deployed as the baseline is (a 30 s
     * weather timeout, health-checked on /metrics): its workers fill up waiting on the slow weather API
     * and the pet list, which never calls it, blows its budget. The phases are shorter than the file's
     * (50 s of load instead of 165 s) to keep the plain build's CI inside its budget; 20 s of a 5 s
     * dependency at 50 dashboards a second still need 250 workers of the 100.
     */
    @Test
    void cascadingTimeoutsBuildWithoutBulkheadFailsBecauseTheUnrelatedEndpointWaitsForAWorker() {
        ReplayResult result = incidentEraFailsAsCandidate("cascading-timeout", null,
                new Phase("warm-up", Duration.ofSeconds(5), 100), new Phase("steady", Duration.ofSeconds(15), 100),
                new Phase("fault", Duration.ofSeconds(20), 100), new Phase("recovery", Duration.ofSeconds(5), 100),
                new Phase("after", Duration.ofSeconds(5), 100));

        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("fault p99 of pets above its steady p99").contains(" > 50 ms"));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("fault max threads.busy").contains(" > 50"));
        assertThat(result.reasons()).as("the before build has no bulkhead to read")
                .anySatisfy(r -> assertThat(r).startsWith("fault max bulkhead.weather.calls").contains("nothing was measured"));
    }

    /**
     * liveness-restart-storm's incident-era deployment as the candidate: one /health that asks the
     * database, for the load balancer and the liveness probe. The outage restarts every instance, and
     * the zero-restart budget names them; a restarted instance cannot boot without its database, so
     * some are dead when the load ends. Shorter phases than the file's, and at a time scale of 0.25
     * (30 s of load instead of 180 s): a 50 s outage (incident time) still outlasts three failed probes
     * 10 s apart, and the 30 s initial delay (7.5 s) the JVM's start-up.
     */
    @Test
    void aLivenessProbeThatAsksTheDatabaseFailsBecauseTheOrchestratorRestartsEveryInstance() {
        ReplayResult result = incidentEraFailsAsCandidate("liveness-restart-storm", new TimeScale(0.25),
                new Phase("warm-up", Duration.ofSeconds(10), 40), new Phase("steady", Duration.ofSeconds(20), 40),
                new Phase("fault", Duration.ofSeconds(50), 40), new Phase("back", Duration.ofSeconds(10), 40),
                new Phase("after", Duration.ofSeconds(10), 40));

        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("run increase of orchestrator.restarts").contains(" > 0"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("the orchestrator restarted instances")
                .contains("candidate-0 x").contains("candidate-1 x").contains("candidate-2 x"));
    }

    /**
     * liveness-grace-trap's incident-era deployment as the candidate: a grace of 300 s for a start-up
     * that the slow database stretches past it, so the orchestrator restarts the new instance before
     * it is up, and it is never in service. Shorter phases than the file's and a time scale of 0.05
     * (37 s of load instead of 182 s): the restart comes 300 s after the launch (15 s), before the
     * 1,700 reads at 10 ms and more (17-19 s, and the JVM's 2-4 s) are done.
     */
    @Test
    void aGraceShorterThanTheStartUpUnderLoadRestartsTheNewInstanceBeforeItIsUp() {
        ReplayResult result = incidentEraFailsAsCandidate("liveness-grace-trap", new TimeScale(0.05),
                new Phase("warm-up", Duration.ofSeconds(60), 20), new Phase("steady", Duration.ofSeconds(200), 20),
                new Phase("launch", Duration.ofSeconds(20), 20), new Phase("start-up", Duration.ofSeconds(400), 20),
                new Phase("after", Duration.ofSeconds(60), 20));

        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("run increase of orchestrator.restarts").contains(" > 0"));
        assertThat(result.reasons()).as("never in service").anySatisfy(r -> assertThat(r)
                .startsWith("time from start-up start until lb.healthy >= 3 never"));
        assertThat(result.notes()).as("only the new instance").anySatisfy(n -> assertThat(n)
                .startsWith("the orchestrator restarted instances").contains("candidate-2 x").doesNotContain("candidate-0").doesNotContain("candidate-1"));
        assertThat(result.faultChecks()).filteredOn(c -> c.fault().startsWith("replacement of instance 2")).singleElement()
                .satisfies(check -> assertThat(check.detail()).contains("registered; not waited for"));
    }

    /**
     * rolling-deploy-drain's incident-era build as the candidate, deployed as the baseline is: it has
     * no SIGTERM handling, so it never answers readiness 503 before it dies, and the instance the
     * deploy replaces drops what it was serving. One instance replaced instead of three (and one
     * scaled in, nothing in its place), on shorter
     * phases (31 s of load instead of 152 s), to keep the plain build's CI inside its budget; the
     * replacement is proven step by step all the same. The dropped requests are not asserted here:
     * one SIGTERM meets about four requests on its instance, and a JVM that takes 350 ms to exit can
     * finish them all (the file's three replacements dropped 16 in its first replay).
     */
    @Test
    void aBuildThatDiesOnSigtermFailsTheRollingDeployWithTheRequestsItDropped() {
        Incident drain = BuiltInIncidents.byId("rolling-deploy-drain");
        Incident bugAsCandidate = incidentEraAsCandidate(drain,
                new Phase("warm-up", Duration.ofSeconds(10), 40), new Phase("steady", Duration.ofSeconds(25), 40),
                new Phase("deploy", Duration.ofSeconds(90), 40), new Phase("spot", Duration.ofSeconds(10), 40),
                new Phase("scale-in", Duration.ofSeconds(10), 40), new Phase("after", Duration.ofSeconds(10), 40))
                .faults(drain.faults().get(0), new Fault.Replace(List.of(0), Duration.ofSeconds(30), "deploy"),
                        new Fault.Replace(List.of(1), Duration.ofSeconds(30), "scale-in", Fault.Successor.NONE))
                .build();

        ReplayResult result = replay("drain-as-candidate", bugAsCandidate, Role.CANDIDATE, ReferenceJars.before());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).as("no 503 before it died")
                .anySatisfy(r -> assertThat(r).startsWith("run max replace.notReady.ms").contains("nothing was measured"));
        assertThat(result.faultChecks()).filteredOn(c -> c.fault().startsWith("replacement of instance 0")).singleElement()
                .satisfies(check -> {
                    assertThat(check.verified()).isTrue();
                    assertThat(check.detail()).contains("deregistered, SIGTERM").contains("registered, healthy after");
                });
        assertThat(result.faultChecks()).filteredOn(c -> c.fault().startsWith("scale-in of instance 1")).singleElement()
                .satisfies(check -> {
                    assertThat(check.verified()).isTrue();
                    assertThat(check.detail()).contains("deregistered, SIGTERM").contains("nothing takes its place");
                });
    }

    /**
     * db-failover's incident-era deployment as the candidate: one shared connection that the outage
     * closes and nothing reopens, so the requests after the database is back fail too. Shorter phases
     * than the file's, at a time scale of 0.5 (23 s of load instead of 220 s: the file's real time is
     * for HikariCP's back-off, and this build has no pool); the 5 s after still hold 200 requests.
     */
    @Test
    void aBuildThatNeverReopensItsConnectionFailsAfterTheDatabaseIsBack() {
        ReplayResult result = incidentEraFailsAsCandidate("db-failover", new TimeScale(0.5),
                new Phase("warm-up", Duration.ofSeconds(5), 40), new Phase("steady", Duration.ofSeconds(10), 40),
                new Phase("fault", Duration.ofSeconds(15), 40), new Phase("back", Duration.ofSeconds(5), 40),
                new Phase("after", Duration.ofSeconds(10), 40));

        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("after errors of all").contains(" > 0.10%"));
        assertThat(result.faultChecks()).singleElement().satisfies(check -> assertThat(check.verified()).isTrue());
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
                .load(new LoadProfile(shortPhases(weatherCascade), petsOnly))
                .steadyState(withoutDashboardExpectations(weatherCascade.steadyState()))
                .signature(withoutDashboardExpectations(weatherCascade.signature()))
                .budgets(withoutDashboardExpectations(weatherCascade.budgets()))
                .build();

        ReplayResult result = replay("untouched-fault", untouched, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString().startsWith("fault not applied: latency").contains("0 chunks");
        assertThat(result.faultChecks()).singleElement().satisfies(check -> assertThat(check.verified()).isFalse());
    }

    @Test
    void aFaultThatCouldNotBeAppliedMakesTheReplayInvalid() {
        // a negative bandwidth: Go Toxiproxy panics on it, so the harness refuses to send it when the fault is due
        Incident refused = weatherCascade.toBuilder()
                .load(new LoadProfile(shortPhases(weatherCascade), weatherCascade.load().mix()))
                .faults(Fault.toxic("weather-api", new ToxicSpec("bandwidth", "downstream", 1f, Map.of("rate", -1L)), "fault"))
                .build();

        ReplayResult result = replay("refused-fault", refused, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString().startsWith("fault not applied: bandwidth").contains("failed")
                .contains("refused before it was sent: a bandwidth toxic's rate must be 0 or more, not -1");
    }

    /** pool-exhaustion's fault is its data: on the 20 MVP pets the unbounded list is cheap and tests nothing. */
    @Test
    void aReplayWithoutTheDataVolumeItsFaultNeedsIsInvalidAndLaunchesNothing() {
        Incident poolExhaustion = BuiltInIncidents.byId("pool-exhaustion");
        ReplayEngine engine = new ReplayEngine(environment, OUTPUT.resolve("too-little-data"), System.out);

        ReplayResult result = engine.replay(new ReplayEngine.Request(poolExhaustion, Role.CANDIDATE, ReferenceJars.after(),
                DatasetSource.preset("mvp"), poolExhaustion.defaultTimeScale(), false)).result();

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString()
                .startsWith("fault not applied: live pets >= 200,000")
                .contains("20 live pets").contains("--dataset production");
        assertThat(OUTPUT.resolve("too-little-data/pool-exhaustion/candidate/instances")).doesNotExist();
        assertThat(OUTPUT.resolve("too-little-data/pool-exhaustion/candidate/report.html")).isRegularFile();
    }

    /**
     * Something else is wrong before the fault: every weather call is 400 ms slower from the start
     * (a latency toxic of 4 s incident time over the whole run, under the candidate's 500 ms weather
     * timeout). The steady state's p99 bound of 250 ms does not hold in the control window, so the
     * stall is never applied.
     */
    @Test
    void aReplayThatIsNotSteadyBeforeItsFaultIsInvalidAndTheFaultIsNeverApplied() {
        Incident disturbed = weatherCascade.toBuilder()
                .faults(new Fault.Toxic("weather-api", "weather-api-slow", ToxicSpec.latency(4_000), Observations.RUN),
                        weatherCascade.faults().get(0))
                .build();

        ReplayResult result = replay("not-steady", disturbed, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString().startsWith("not steady before the fault: ")
                .contains("steady p99 of all").contains("> 250 ms");
        assertThat(result.faultEvents()).filteredOn(e -> e.fault().contains("4728") && e.fault().contains("weather-api"))
                .singleElement().satisfies(e -> assertThat(e.action()).startsWith("withheld: not steady before the fault"));
        assertThat(result.control().steadyStateHeld()).isFalse();
        assertThat(result.findings()).filteredOn(f -> f.kind().equals("steady-state"))
                .anySatisfy(f -> assertThat(f.finding().met()).isFalse());
    }

    /**
     * A health check of 2 s (the shortest an ALB allows) at the time scale 0.01 times out after
     * 20 ms, which the dashboard behind {@code /} cannot meet while four instances share two cores.
     * The replay is refused after warming, before any load, with the scale that would work.
     */
    @Test
    void aHealthCheckTimeoutThisMachineCannotServeIsRefusedBeforeTheLoad() {
        Topology baseline = weatherCascade.topology(Role.BASELINE);
        HealthCheck hc = baseline.healthCheck();
        Topology tight = baseline.withHealthCheck(new HealthCheck(hc.path(), hc.interval(), Duration.ofSeconds(2),
                hc.healthyThreshold(), hc.unhealthyThreshold(), hc.successCodes()));
        Incident tooFast = weatherCascade.toBuilder().topologies(tight, weatherCascade.topology(Role.CANDIDATE)).build();

        ReplayResult result = replay("timer-floor", tooFast, Role.BASELINE, ReferenceJars.before(), new TimeScale(0.01));

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
        assertThat(result.reasons()).first().asString()
                .startsWith("time scale too small for this machine: the health check's 2,000 ms timeout is 20 ms at time scale 0.01")
                .containsPattern("use --time-scale 0\\.\\d+ or more");
        assertThat(result.warmUp()).hasSize(baseline.instances());
        assertThat(result.faultEvents()).as("no load, no fault").isEmpty();
        assertThat(result.gatlingReport()).isNull();
    }

    /** A part of the signature that holds whatever the fault does (here: at most 100% errors) was not caused by it. */
    @Test
    void aBaselineWhoseSignatureAlsoHoldsInTheControlWindowIsNotReproduced() {
        List<Expectation> signature = new ArrayList<>(weatherCascade.signature());
        signature.add(Expect.errorPercent("fault", RequestStats.ALL).atMost(100));
        Incident uncaused = weatherCascade.toBuilder().signature(signature.toArray(Expectation[]::new)).build();

        ReplayResult result = replay("signature-in-control", uncaused, Role.BASELINE, ReferenceJars.before());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(result.reasons()).first().asString()
                .startsWith("the signature also held in the control, so the fault did not cause it: ")
                .contains("steady errors of all 0% <= 100%");
        assertThat(result.control().signatureHeld()).singleElement().asString().startsWith("steady errors of all");
        assertThat(result.findings()).filteredOn(f -> f.kind().equals("signature")).allSatisfy(f -> assertThat(f.finding().met()).isTrue());
    }

    /**
     * Two busy-looping processes per core beside the replay: the machine, not the build, is the
     * bottleneck, and the verdict says so. At the time scale 0.5 the health check's 2.5 s timeout
     * survives the burners, so it is the machine guard that speaks, not the timer floor.
     */
    @Test
    void aReplayBesideCpuBurnersIsInvalidBecauseTheMachineWasSaturated() throws Exception {
        Incident shortCascade = weatherCascade.toBuilder()
                .load(new LoadProfile(List.of(new Phase("warm-up", Duration.ofSeconds(10), 30),
                        new Phase("steady", Duration.ofSeconds(12), 30), new Phase("fault", Duration.ofSeconds(12), 30),
                        new Phase("recovery", Duration.ofSeconds(6), 30), new Phase("after", Duration.ofSeconds(6), 30)),
                        weatherCascade.load().mix()))
                .build();
        List<Process> burners = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                burners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            ReplayResult result = replay("cpu-burners", shortCascade, Role.CANDIDATE, ReferenceJars.after(), new TimeScale(0.5));

            assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.INVALID);
            assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("the machine was saturated: steady")
                    .contains("this measures the machine, not the build"));
            assertThat(result.machine().windows()).filteredOn(w -> w.window().equals("steady"))
                    .singleElement().satisfies(w -> assertThat(w.saturated()).isTrue());
        } finally {
            burners.forEach(Process::destroyForcibly);
        }
    }

    /**
     * The incident's phases, each shorter (16 s of load instead of 40): for a replay whose verdict is
     * whether its fault was applied, which is decided when the fault is due, not by how long it lasts.
     */
    private static List<Phase> shortPhases(Incident incident) {
        return incident.load().phases().stream().map(p -> new Phase(p.name(), switch (p.name()) {
            case "warm-up" -> Duration.ofSeconds(50);
            case "steady" -> Duration.ofSeconds(30);
            case "fault" -> Duration.ofSeconds(60);
            default -> Duration.ofSeconds(10);
        }, p.requestsPerSecond())).toList();
    }

    /**
     * log-explosion with a steady phase of 5 s instead of 20 s (about 300 dashboards, still enough
     * for the sampling check): these replays are meant to fail, and fail as clearly in a quarter of the time.
     */
    private static Incident shortLogExplosion() {
        Incident full = BuiltInIncidents.byId("log-explosion");
        return full.toBuilder().load(new LoadProfile(List.of(new Phase("warm-up", Duration.ofSeconds(50), 50),
                new Phase("steady", Duration.ofSeconds(50), 100)), full.load().mix())).build();
    }

    /** The incident-era build as the candidate of log-explosion fails in bytes, in dollars and on the secrets. */
    @Test
    void theBuildThatLogsEverythingFailsTheLogBudgetsInBytesAndDollars() {
        Incident logs = shortLogExplosion();
        Incident bugAsCandidate = logs.toBuilder().topologies(logs.topology(Role.BASELINE), logs.topology(Role.BASELINE)).build();

        ReplayResult result = replay("logs-as-candidate", bugAsCandidate, Role.CANDIDATE, ReferenceJars.before());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("steady log bytes per request").contains(" B > 263 B"));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r)
                .startsWith("steady projected log ingestion at 1,200 req/s").contains(" USD/month > 381 USD/month"));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("log lines holding a canary secret").contains(" > 0"));
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("steady logged share of dashboard within 1,000 ms off a 10% sample by"));
        assertThat(result.logs().cost().usdPerMonth()).isGreaterThan(1_500);
        if (moto != null) { // its one log group keeps every event forever
            assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith(RETENTION + " 100% > 0%"));
            assertThat(result.logs().logGroups().get("cloudwatch-logs")).containsExactly(new LogGroups.Group("/ecs/api", null));
        } else {
            assertThat(retention(result).reason()).contains("not checkable here");
        }
    }

    /**
     * Two regressions of the fixed build, each failing its own budget and nothing else: a secret in a
     * header it does not know to redact (a new auth header) reaches its error lines, the sign-ins'
     * 401s, and a slow-request threshold of a minute leaves the slow dashboards to the 10 % sample.
     * (One replay for both: each is a replay of CI time.)
     */
    @Test
    void aCanaryThatReachesTheFixedBuildsLogAndSlowRequestsItSamplesFailTheCandidate() {
        Incident logs = shortLogExplosion();
        String leaked = "ir-canary-auth-token-9d8e7f6a";
        List<String> canaries = new ArrayList<>(logs.logs().orElseThrow().canaries());
        canaries.add(leaked);
        Topology fixed = logs.topology(Role.CANDIDATE);
        Map<String, String> settings = new java.util.HashMap<>(fixed.settings());
        settings.put("LOG_SLOW_REQUEST_MS", "60000");
        Incident leaky = logs.toBuilder()
                .load(new LoadProfile(logs.load().phases(), logs.load().mix().stream()
                        .map(r -> r.withHeadersUnder(Map.of("X-Auth-Token", leaked))).toList()))
                .logs(new LogWatch("X-Request-Id", canaries))
                .topologies(logs.topology(Role.BASELINE), fixed.withSettings(settings))
                .build();

        ReplayResult result = replay("leaked-canary", leaky, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("log lines holding a canary secret").contains(" > 0"))
                .anySatisfy(r -> assertThat(r).startsWith("steady logged share of dashboard slower than 1,200 ms").contains(" < 100%"))
                .noneSatisfy(r -> assertThat(r).contains("log bytes per request"))
                .noneSatisfy(r -> assertThat(r).contains("within 1,000 ms off a 10% sample"));
        assertThat(result.logs().canaryLines()).containsEntry("ir-canary-password-2e9f4a6b", 0L);
        assertThat(result.logs().canaryLines().get(leaked)).isPositive();
        // the fixed build's log groups: a week for the API, a month for the errors
        assertThat(retention(result).failed()).isFalse();
        if (moto != null) {
            assertThat(result.logs().logGroups().get("cloudwatch-logs")).containsExactly(new LogGroups.Group("/ecs/api", 7),
                    new LogGroups.Group("/ecs/errors", 30));
        }
    }

    /**
     * upload-bloat with a steady phase of 20 s instead of 60 s (about 30 photos): these replays are
     * meant to fail, and fail as clearly in a third of the time.
     */
    private static Incident shortUploadBloat(double warmUpRate, Phase steady) {
        Incident full = BuiltInIncidents.byId("upload-bloat");
        return full.toBuilder().load(new LoadProfile(List.of(new Phase("warm-up", Duration.ofSeconds(50), warmUpRate), steady),
                full.load().mix())).build();
    }

    /** The incident-era build as the candidate of upload-bloat fails in bytes, in dollars, on its variants and its rules. */
    @Test
    void theBuildThatStoresOriginalsFailsTheStorageBudgetsInBytesAndDollars() {
        Incident uploads = shortUploadBloat(1, new Phase("steady", Duration.ofSeconds(200), 1.5));
        Incident bugAsCandidate = uploads.toBuilder()
                .topologies(uploads.topology(Role.BASELINE), uploads.topology(Role.BASELINE)).build();

        ReplayResult result = replay("uploads-as-candidate", bugAsCandidate, Role.CANDIDATE, ReferenceJars.before());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("bytes stored in uploads per upload")
                        .contains(" B > 1,048,576 B"))
                .anySatisfy(r -> assertThat(r).startsWith("bytes stored in uploads of the bytes uploaded 100% > 10%"))
                .anySatisfy(r -> assertThat(r).startsWith("objects in uploads that are the expected variants 0% < 100%"))
                .anySatisfy(r -> assertThat(r).startsWith("required lifecycle rules on uploads 0 < 5"))
                .anySatisfy(r -> assertThat(r).startsWith("projected storage of 683,000 uploads in uploads")
                        .contains(" USD/month > 27 USD/month"));
        assertThat(result.storage().cost().usdPerMonth()).isGreaterThan(150);
        assertThat(result.storage().lifecycleMissing()).hasSize(5);
    }

    /**
     * The fixed build on a heap too small for the photos it decodes at once: an instance runs out of
     * memory, exits (ExitOnOutOfMemoryError), and the candidate fails on it, not on a slow answer.
     */
    @Test
    void aCandidateThatRunsOutOfMemoryUnderConcurrentUploadsFails() {
        // two photos 2.5 s apart while warming, which the small heap decodes one at a time; then six a second
        Incident uploads = shortUploadBloat(0.4, new Phase("steady", Duration.ofSeconds(100), 6));
        Topology fixed = uploads.topology(Role.CANDIDATE);
        Map<String, String> settings = new java.util.HashMap<>(fixed.settings());
        settings.put("UPLOAD_CONCURRENCY", "16");
        List<String> jvmArgs = new ArrayList<>(fixed.jvmArgs().stream().filter(a -> !a.startsWith("-Xmx")).toList());
        jvmArgs.add("-Xmx96m");
        Incident smallHeap = uploads.toBuilder().topologies(uploads.topology(Role.BASELINE), fixed.withSettings(settings).withJvmArgs(jvmArgs)).build();

        ReplayResult result = replay("uploads-out-of-memory", smallHeap, Role.CANDIDATE, ReferenceJars.after());

        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("steady min instance.alive").contains(" < 2"));
    }

    /**
     * The incident with its baseline's deployment as the candidate too (the incident-era build as its
     * own target group had it), on the given phases: builder, for what a test changes besides.
     */
    /**
     * The built-in incident's incident-era deployment (the before build, deployed as its baseline is)
     * replayed as the candidate on shorter phases, which must FAIL; the reasons are the caller's to check.
     *
     * @param scale the time scale, or null for the incident's own
     */
    private static ReplayResult incidentEraFailsAsCandidate(String id, TimeScale scale, Phase... phases) {
        Incident incident = BuiltInIncidents.byId(id);
        ReplayResult result = replay(id + "-as-candidate", incidentEraAsCandidate(incident, phases).build(), Role.CANDIDATE,
                ReferenceJars.before(), scale == null ? incident.defaultTimeScale() : scale);
        assertThat(result.verdict()).as(String.join("; ", result.reasons())).isEqualTo(Verdict.FAIL);
        return result;
    }

    private static Incident.Builder incidentEraAsCandidate(Incident incident, Phase... phases) {
        return incident.toBuilder()
                .topologies(incident.topology(Role.BASELINE), incident.topology(Role.BASELINE))
                .load(new LoadProfile(List.of(phases), incident.load().mix()));
    }

    private static ReplayResult replay(String test, Incident incident, Role role, Build jar) {
        return replay(test, incident, role, jar, incident.defaultTimeScale());
    }

    private static ReplayResult replay(String test, Incident incident, Role role, Build jar, TimeScale scale) {
        ReplayEngine engine = new ReplayEngine(environment, OUTPUT.resolve(test), System.out);
        return engine.replay(new ReplayEngine.Request(incident, role, jar, incident.dataset(),
                scale, false)).result();
    }

    /** The expectations that name no dashboard request, for a load that sends none. */
    private static Expectation[] withoutDashboardExpectations(List<Expectation> expectations) {
        return expectations.stream().filter(e -> e.request().filter("dashboard"::equals).isEmpty()).toArray(Expectation[]::new);
    }
}
