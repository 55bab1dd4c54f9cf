package io.incidentreplay.scenario.internal.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.fixtures.orchestrator.LivenessProbeConfig;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Control;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.Costs;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.StorageCosts;
import io.incidentreplay.scenario.Upload;
import io.incidentreplay.scenario.testsupport.BuiltInIncidents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake an incident file can have is refused before anything runs, with its line and field. */
class IncidentFileTest {

    @TempDir
    Path dir;

    /** A small valid incident; each test breaks one line of it. */
    private static final String VALID = """
            format: incident-replay/incident@1
            id: tiny
            title: A tiny incident
            seed: {reference: nowhere, story: a story}
            timeScale: 0.1
            service:
              baseline: {jar: before.jar}
              candidate: {jar: after.jar}
            dependencies:
              postgres: {postgres: {}, env: {url: DB_URL}}
              payments: {http: {stub: payments}, env: {url: PAYMENTS_URL}}
            dataset: {preset: mvp}
            builds:
              baseline:
                instances: 2
                healthCheck: {path: /, interval: 30s, timeout: 5s, healthyThreshold: 2, unhealthyThreshold: 2}
                requestTimeout: 30s
              candidate:
                instances: 2
                healthCheck: {path: /health, interval: 30s, timeout: 5s}
                requestTimeout: 30s
            load:
              phases:
                - {name: steady, duration: 60s, rate: 10}
                - {name: fault, duration: 60s, rate: {from: 10, to: 20}}
              mix:
                - {name: home, path: /}
            faults:
              - {toxic: latency, proxy: payments, phase: fault, attributes: {latency: 47s}}
            control: {window: steady}
            steadyState:
              - {errors: all, in: steady, atMost: 0.1%}
            signature:
              - {p99: home, in: fault, atLeast: 20s incident time}
            budgets:
              - {p99: home, in: fault, atMost: 700ms}
            """;

    @BeforeEach
    void jarsAndStub() throws IOException {
        Files.writeString(dir.resolve("before.jar"), "");
        Files.writeString(dir.resolve("after.jar"), "");
        Files.createDirectories(dir.resolve("payments").resolve("mappings"));
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private List<Problem> problems(String yaml) throws IOException {
        Path file = write("incident.yaml", yaml);
        try {
            IncidentFile.load(file);
        } catch (IncidentFileException e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted:\n" + yaml);
    }

    @Test
    void aValidFileBuildsTheIncidentItDescribes() throws IOException {
        IncidentFile.LoadedIncident loaded = IncidentFile.load(write("incident.yaml", VALID));

        Incident incident = loaded.incident();
        assertThat(incident.id()).isEqualTo("tiny");
        assertThat(incident.defaultTimeScale().factor()).isEqualTo(0.1);
        assertThat(incident.load().phases().get(1).isRamp()).isTrue();
        assertThat(incident.control()).isEqualTo(Control.window("steady"));
        assertThat(incident.signature()).singleElement().asString().isEqualTo("fault p99 of home >= 20,000 ms incident time");
        assertThat(incident.budgets()).singleElement().asString().isEqualTo("fault p99 of home <= 700 ms");
        assertThat(loaded.baseline()).hasValue(new Build.Jar(dir.resolve("before.jar")));
    }

    /** VALID with the logs and costs of a logging incident, a load that sends its canary, and one more budget. */
    private static String withLogs(String budget) {
        return VALID.replace("faults:\n", """
                logs:
                  canaries: [canary-secret-1234]
                costs:
                  traffic: {rate: 1200, source: the seed}
                  logIngestion: {usdPerGB: 0.5, source: the price list}
                faults:
                """).replace("  mix:\n", "  headers: {Cookie: session=canary-secret-1234, Accept: text/html}\n  mix:\n")
                .replace("budgets:\n", "budgets:\n  - " + budget + "\n");
    }

    @Test
    void aLoggingIncidentWatchesTheLogsAndProjectsTheirCost() throws IOException {
        Incident incident = IncidentFile.load(write("incident.yaml", withLogs("{logCost: all, in: fault, atMost: 400}\n"
                + "  - {sampled: {request: home, rate: 10%}, in: fault, atMost: 3}\n"
                + "  - {logged: {request: all, slowerThan: 1.2s}, in: fault, atLeast: 100%}")
                .replace("{name: home, path: /}", "{name: home, path: /, headers: {accept: application/json}}"))).incident();

        assertThat(incident.logs()).hasValue(new LogWatch("X-Request-Id", List.of("canary-secret-1234")));
        assertThat(incident.costs()).hasValue(new Costs(1200, "the seed", 0.5, "the price list"));
        assertThat(incident.budgets()).extracting(Object::toString).startsWith("fault projected log ingestion at 1,200 req/s <= 400 USD/month",
                "fault logged share of home off a 10% sample by <= 3 σ",
                "fault logged share of all slower than 1,200 ms >= 100%");
        // the load's headers go under each request's own
        assertThat(incident.load().mix().get(0).headers()).containsOnly(
                Map.entry("Cookie", "session=canary-secret-1234"), Map.entry("accept", "application/json"));
    }

    @Test
    void aToxicThatWouldCrashARealToxiproxyIsRefusedWhenTheFileIsRead() throws IOException {
        assertThat(problems(VALID.replace("{toxic: latency, proxy: payments, phase: fault, attributes: {latency: 47s}}",
                "{toxic: bandwidth, proxy: payments, phase: fault, attributes: {rate: -1}}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("faults[0].attributes");
                    assertThat(p.message()).contains("rate must be 0 or more, not -1");
                });
        // a slicer's delay is in microseconds, as Toxiproxy takes it
        Incident sliced = IncidentFile.load(write("incident.yaml", VALID.replace(
                "{toxic: latency, proxy: payments, phase: fault, attributes: {latency: 47s}}",
                "{toxic: slicer, proxy: payments, phase: fault, attributes: {average_size: 64, delay: 2ms}}"))).incident();
        assertThat(((io.incidentreplay.scenario.Fault.Toxic) sliced.faults().get(0)).toxic().attributes())
                .containsEntry("delay", 2_000L).containsEntry("average_size", 64L);
    }

    @Test
    void anOutageTakesItsProxyDownForAPhaseButNeverForTheWholeRunOrAProxyThereIsNot() throws IOException {
        String toxic = "{toxic: latency, proxy: payments, phase: fault, attributes: {latency: 47s}}";
        Incident incident = IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{outage: payments, phase: fault}")))
                .incident();
        assertThat(incident.faults()).containsExactly(new io.incidentreplay.scenario.Fault.Outage("payments", "fault"));

        assertThat(problems(VALID.replace(toxic, "{outage: payments, phase: run}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("an outage lasts a phase of the load, not the whole run"));
        assertThat(problems(VALID.replace(toxic, "{outage: payments, phase: fault, attributes: {latency: 1s}}"))).isNotEmpty();
        assertThatThrownBy(() -> IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{outage: inventory, phase: fault}"))))
                .hasMessageContaining("a fault on proxy 'inventory', but the dependencies are");
    }

    @Test
    void aLivenessProbeGivesTheBuildAnOrchestratorWithKubernetesDefaultsAndTheRestartsAreACounter() throws IOException {
        String candidate = "    healthCheck: {path: /health, interval: 30s, timeout: 5s}\n";
        Incident incident = IncidentFile.load(write("incident.yaml", VALID
                .replace(candidate, candidate + "    livenessProbe: {path: /live, timeout: 5s, initialDelay: 30s}\n")
                .replace("  - {p99: home, in: fault, atMost: 700ms}", "  - {increase: orchestrator.restarts, in: run, atMost: 0}")))
                .incident();
        assertThat(incident.topology(Incident.Role.CANDIDATE).livenessProbe()).contains(new LivenessProbeConfig("/live",
                Duration.ofSeconds(10), Duration.ofSeconds(5), 3, Duration.ofSeconds(30)));
        assertThat(incident.topology(Incident.Role.BASELINE).livenessProbe()).isEmpty();
        assertThat(incident.budgets()).extracting(Object::toString).containsExactly("run increase of orchestrator.restarts <= 0");

        assertThat(problems(VALID.replace(candidate, candidate + "    livenessProbe: {path: /live, period: 5s, timeout: 5s}\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("must be > 0 and shorter than its period"));
        assertThat(problems(VALID.replace(candidate, candidate + "    livenessProbe: {period: 5s}\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("path"));
        assertThat(problems(VALID.replace(candidate, candidate + "    livenessProbe: {path: /live, threshold: 3}\n")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).endsWith("threshold");
                    assertThat(p.message()).contains("failureThreshold");
                });
    }

    @Test
    void aReplacementNamesAllOrItsInstancesAndIsRefusedForAnInstanceTheBuildsDoNotHave() throws IOException {
        String toxic = "{toxic: latency, proxy: payments, phase: fault, attributes: {latency: 47s}}";
        Incident incident = IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{replace: all, phase: fault}")
                .replace("  - {p99: home, in: fault, atMost: 700ms}", "  - {failed: all, in: fault, atMost: 0}\n"
                        + "  - {sum: replace.inFlight, in: run, atLeast: 4}"))).incident();
        assertThat(incident.faults()).containsExactly(new io.incidentreplay.scenario.Fault.Replace(List.of(), Duration.ofSeconds(30), "fault"));
        assertThat(incident.budgets()).extracting(Object::toString).containsExactly("fault failed requests of all <= 0",
                "run sum of replace.inFlight >= 4");
        Incident spot = IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{replace: [1], phase: fault, killAfter: 120s}")))
                .incident();
        assertThat(spot.faults()).containsExactly(new io.incidentreplay.scenario.Fault.Replace(List.of(1), Duration.ofSeconds(120), "fault"));
        Incident launch = IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{replace: [0], phase: fault, awaitHealthy: false}")))
                .incident();
        assertThat(launch.faults()).containsExactly(
                new io.incidentreplay.scenario.Fault.Replace(List.of(0), Duration.ofSeconds(30), "fault",
                        io.incidentreplay.scenario.Fault.Successor.STARTED));
        Incident scaleIn = IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{scaleIn: [1], phase: fault}"))).incident();
        assertThat(scaleIn.faults()).containsExactly(
                new io.incidentreplay.scenario.Fault.Replace(List.of(1), Duration.ofSeconds(30), "fault",
                        io.incidentreplay.scenario.Fault.Successor.NONE));
        assertThat(problems(VALID.replace(toxic, "{scaleIn: all, phase: fault}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a scale-in of every instance leaves none"));
        assertThat(problems(VALID.replace(toxic, "{scaleIn: [1], phase: fault, awaitHealthy: false}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not a field here; allowed are scaleIn, phase, killAfter"));

        assertThat(problems(VALID.replace(toxic, "{replace: all, phase: run}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("a replacement starts at a phase of the load, not the whole run"));
        assertThat(problems(VALID.replace(toxic, "{replace: some, phase: fault}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be one of all"));
        assertThatThrownBy(() -> IncidentFile.load(write("incident.yaml", VALID.replace(toxic, "{replace: [2], phase: fault}"))))
                .hasMessageContaining("replace names instance 2, but the builds have 2 and 2 instances");
    }

    @Test
    void p99RiseNamesTheRequestAndThePhaseItRisesFrom() throws IOException {
        Incident incident = IncidentFile.load(write("incident.yaml", VALID.replace("  - {p99: home, in: fault, atMost: 700ms}",
                "  - {p99Rise: {request: home, from: steady}, in: fault, atMost: 50ms}"))).incident();
        assertThat(incident.budgets()).extracting(Object::toString).contains("fault p99 of home above its steady p99 <= 50 ms");

        assertThat(problems(VALID.replace("  - {p99: home, in: fault, atMost: 700ms}",
                "  - {p99Rise: {request: home, from: steddy}, in: fault, atMost: 50ms}"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("names phase 'steddy'"));
    }

    @Test
    void aCloudWatchLogsDependencyNamesItsPrefixAndTheRetentionMeasureReadsIt() throws IOException {
        String logs = "  logs: {cloudWatchLogs: {prefix: /ecs/}, env: {url: LOGS_URL, region: AWS_REGION}}\n";
        Incident incident = IncidentFile.load(write("incident.yaml", withLogs("{logGroupsWithoutRetention: logs, atMost: 0%}")
                .replace("  payments: {http:", logs + "  payments: {http:"))).incident();

        assertThat(incident.dependencies()).contains(new Dependency.CloudWatchLogs("logs", "/ecs/", "LOGS_URL", "AWS_REGION", null, null));
        assertThat(incident.budgets()).extracting(Object::toString).contains("share of logs's log groups without retention <= 0%");

        assertThat(problems(withLogs("{logGroupsWithoutRetention: payments, atMost: 0%}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("'payments' is not one: add one under dependencies"));
        assertThat(problems(withLogs("{logGroupsWithoutRetention: logs, atMost: 0%}")
                .replace("  payments: {http:", logs.replace("/ecs/", "ecs") + "  payments: {http:")))
                .anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("dependencies.logs.cloudWatchLogs.prefix");
                    assertThat(p.message()).contains("a log group prefix starts with /");
                });
    }

    @Test
    void aLogMeasureWithoutTheLogsSectionSaysWhatToAdd() throws IOException {
        assertThat(problems(VALID.replace("budgets:\n", "budgets:\n  - {logged: home, in: fault, atLeast: 100%}\n")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("budgets[0].logged");
                    assertThat(p.message()).contains("reads the builds' logs: add logs:");
                });
        assertThat(problems(withLogs("{logCost: all, in: fault, atMost: 1}").replaceAll("(?s)costs:.*?faults:", "faults:")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("projects to production traffic: add costs:"));
        assertThat(problems(withLogs("{logCost: home, in: fault, atMost: 100}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("write logCost: all"));
        assertThat(problems(withLogs("{sampled: {request: home, rate: 0.1}, in: fault, atMost: 3}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("the sampling rate is a percentage, e.g. 10%"));
        assertThat(problems(withLogs("{logged: {request: home, slowerThan: fast}, in: fault, atLeast: 100%}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("budgets[0].logged.slowerThan");
                    assertThat(p.message()).contains("must be a duration such as 100s");
                });
        assertThat(problems(withLogs("{logged: {request: home}, in: fault, atLeast: 100%}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("budgets[0].logged.slowerThan");
                    assertThat(p.message()).contains("how long a slow request takes");
                });
        assertThat(problems(withLogs("{secrets: all, in: fault, atMost: 0}")))
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("secrets reads the whole replay, not a phase: leave out in"));
        assertThat(problems(withLogs("{secrets: all, atMost: 0}").replace("canaries: [canary-secret-1234]", "canaries: []")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("logs.canaries is empty"));
    }

    @Test
    void aCanaryTheLoadNeverSendsProvesNothingAndIsRefused() throws IOException {
        assertThat(problems(withLogs("{secrets: all, atMost: 0}").replace("session=canary-secret-1234", "session=other")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("logs");
                    assertThat(p.message()).contains("canary 'canary-secret-1234' is not sent by the load");
                });
        assertThat(problems(withLogs("{secrets: all, atMost: 0}").replace("Accept: text/html}", "x-request-id: mine}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("sets X-Request-Id itself"));
    }

    @Test
    void aCanaryTooShortToBeFoundOnlyByItselfIsRefused() throws IOException {
        assertThat(problems(withLogs("{secrets: all, atMost: 0}").replace("canary-secret-1234]", "abc]")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("logs");
                    assertThat(p.message()).contains("at least 8 characters");
                });
    }

    @Test
    void aControlIsOneOfItsKindsAndNoneHasNoFaultsToHoldBack() throws IOException {
        assertThat(problems(VALID.replace("control: {window: steady}",
                "control: {window: steady, none: {phase: steady, reason: both}}")))
                .anySatisfy(p -> assertThat(p.message()).contains("must be one of window, replay or none"));
        assertThat(problems(VALID.replace("control: {window: steady}", "control: {none: {phase: steady, reason: the build}}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("control: none is for an incident whose fault is the build itself"));
    }

    @Test
    void anIncidentWhoseFaultIsTheBuildItselfHasNoControlAndSaysWhy() throws IOException {
        Incident incident = IncidentFile.load(write("incident.yaml", VALID
                .replace("faults:\n  - {toxic: latency, proxy: payments, phase: fault, attributes: {latency: 47s}}\n", "faults: []\n")
                .replace("control: {window: steady}", "control: {none: {phase: steady, reason: the build is the fault}}"))).incident();

        assertThat(incident.control()).isEqualTo(Control.none("steady", "the build is the fault"));
        assertThat(incident.control().describe()).isEqualTo("no control: the build is the fault");
    }

    @Test
    void aSimulationOfYourOwnSendsTheLoadAndTheMixNamesItsRequests() throws IOException {
        Incident incident = IncidentFile.load(write("incident.yaml", VALID.replace("  mix:\n",
                "  simulation: com.example.HomeSimulation\n  mix:\n"))).incident();

        assertThat(incident.load().simulation()).hasValue("com.example.HomeSimulation");
        assertThat(IncidentFile.load(write("other.yaml", VALID)).incident().load().simulation()).isEmpty();
    }

    @Test
    void aFallbackMarkerBesideASimulationIsRefusedBecauseTheAccessLogHasNoBodies() throws IOException {
        assertThat(problems(VALID.replace("  mix:\n", "  simulation: com.example.HomeSimulation\n  mix:\n")
                .replace("{name: home, path: /}", "{name: home, path: /, fallback: cached}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("load");
                    assertThat(p.message()).contains("request 'home' has a fallback marker").contains("access log, which has no bodies");
                });
    }

    @Test
    void aMisspeltPhaseInAnExpectationNamesTheLineTheFieldAndThePhasesThereAre() throws IOException {
        List<Problem> problems = problems(VALID.replace("{p99: home, in: fault, atMost: 700ms}", "{p99: home, in: faul, atMost: 700ms}"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(36);
            assertThat(p.field()).isEqualTo("budgets[0].in");
            assertThat(p.message()).isEqualTo("names phase 'faul', which the load does not have; phases are steady, fault and run");
        });
        assertThat(problems.get(0).toString()).startsWith(dir.resolve("incident.yaml") + ":36:");
    }

    @Test
    void anUnknownRequestIsRefusedWithTheRequestsThereAre() throws IOException {
        assertThat(problems(VALID.replace("{p99: home, in: fault, atLeast", "{p99: hom, in: fault, atLeast")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("names request 'hom'").contains("requests are home and all"));
    }

    @Test
    void everyMistakeOfAFileIsListedAtOnce() throws IOException {
        List<Problem> problems = problems(VALID
                .replace("rate: 10}", "rate: ten}")
                .replace("timeout: 5s, healthyThreshold", "timeout: 5 seconds, healthyThreshold")
                .replace("{errors: all, in: steady, atMost: 0.1%}", "{errors: all, in: steady, atMost: 100ms}"));

        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder(
                "load.phases[0].rate", "builds.baseline.healthCheck.timeout", "steadyState[0].atMost");
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).isEqualTo("must be a number, but is 'ten'"))
                .anySatisfy(m -> assertThat(m).startsWith("must be a duration such as 100s"))
                .anySatisfy(m -> assertThat(m).contains("is a duration, but this measure is a percentage"));
    }

    @Test
    void anUnknownFieldIsRefusedWithTheFieldsAllowedThere() throws IOException {
        assertThat(problems(VALID.replace("dataset: {preset: mvp}", "dataset: {preset: mvp}\nbudget: []")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("budget");
                    assertThat(p.message()).startsWith("is not a field here; allowed are format, extends, id").contains("budgets");
                });
    }

    @Test
    void aMissingFieldSaysWhatItIsFor() throws IOException {
        assertThat(problems(VALID.replace("control: {window: steady}\n", "")))
                .singleElement().satisfies(p -> assertThat(p.toString()).contains("control: is missing: {window: <phase>}"));
    }

    @Test
    void anExpectationNeedsOneMeasureAndOneBound() throws IOException {
        assertThat(problems(VALID.replace("{p99: home, in: fault, atMost: 700ms}", "{p99: home, p50: home, in: fault, atMost: 700ms}")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("needs exactly one measure of p50, p99"));
        assertThat(problems(VALID.replace("{p99: home, in: fault, atMost: 700ms}", "{p99: home, in: fault, atMost: 700ms, atLeast: 1ms}")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("needs exactly one bound of atMost, atLeast, below, above"));
    }

    @Test
    void aPercentageOnALatencyIsRefused() throws IOException {
        assertThat(problems(VALID.replace("atMost: 700ms}", "atMost: 70%}")))
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("'70%' is a percentage, but this measure is not one"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        assertThat(problems(VALID.replace("id: tiny", "id: [tiny")))
                .singleElement().satisfies(p -> {
                    assertThat(p.message()).startsWith("not valid YAML:");
                    assertThat(p.line()).isGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void anUnknownFormatIsRefused() throws IOException {
        assertThat(problems(VALID.replace("incident-replay/incident@1", "incident-replay/incident@2")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("must be incident-replay/incident@1, but is"));
    }

    @Test
    void whatOnlyTheWholeIncidentCanTellIsRefusedToo() throws IOException {
        assertThat(problems(VALID.replace("control: {window: steady}", "control: {window: fault}")
                .replace("in: steady", "in: fault")))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .contains("the control window 'fault' must be the phase just before the first fault's phase 'fault'"));
    }

    @Test
    void aFileExtendsAnotherAndAMistakeInTheBaseIsReportedInTheBase() throws IOException {
        String base = VALID.replace("id: tiny\n", "").replace("requestTimeout: 30s\n  candidate", "requestTimeout: thirty\n  candidate");
        write("_base.yaml", base);
        String child = "format: incident-replay/incident@1\nextends: _base.yaml\nid: child\n";

        List<Problem> problems = problems(child);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("_base.yaml"));
            assertThat(p.field()).isEqualTo("builds.baseline.requestTimeout");
        });
    }

    @Test
    void aChildOverridesItsBaseKeyByKey() throws IOException {
        write("_base.yaml", VALID.replace("id: tiny\n", ""));
        Path child = write("child.yaml", "format: incident-replay/incident@1\nextends: _base.yaml\nid: child\n"
                + "builds:\n  baseline: {instances: 3}\n");

        Incident incident = IncidentFile.load(child).incident();

        assertThat(incident.id()).isEqualTo("child");
        assertThat(incident.topology(Incident.Role.BASELINE).instances()).isEqualTo(3);
        assertThat(incident.topology(Incident.Role.BASELINE).healthCheck().path()).as("kept from the base").isEqualTo("/");
    }

    @Test
    void aFileThatExtendsItselfIsRefused() throws IOException {
        write("a.yaml", "format: incident-replay/incident@1\nextends: b.yaml\n");
        write("b.yaml", "format: incident-replay/incident@1\nextends: a.yaml\n");

        assertThatThrownBy(() -> IncidentFile.load(dir.resolve("a.yaml"))).isInstanceOf(IncidentFileException.class)
                .hasMessageContaining("a file may not extend itself");
    }

    @Test
    void aBuildIsAJarACommandLineOrTheUrlsOfRunningInstances() throws IOException {
        IncidentFile.LoadedIncident command = IncidentFile.load(write("incident.yaml", VALID.replace("candidate: {jar: after.jar}",
                "candidate: {command: node server.js, workingDirectory: .}")));
        IncidentFile.LoadedIncident urls = IncidentFile.load(write("incident.yaml", VALID.replace("candidate: {jar: after.jar}",
                "candidate: {urls: [http://10.0.0.5:8080, http://10.0.0.6:8080]}")));

        assertThat(command.candidate()).hasValue(new Build.Command(List.of("node", "server.js"), dir));
        assertThat(urls.candidate().orElseThrow().describe()).isEqualTo("http://10.0.0.5:8080, http://10.0.0.6:8080");
        assertThat(problems(VALID.replace("candidate: {jar: after.jar}", "candidate: {jar: after.jar, urls: [http://a:1]}")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("needs exactly one of jar"));
        assertThat(problems(VALID.replace("candidate: {jar: after.jar}", "candidate: {urls: [ftp://a:1]}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("must be http://HOST:PORT"));
    }

    @Test
    void anHttpDependencyWithoutMappingsIsRefused() throws IOException {
        assertThat(problems(VALID.replace("{http: {stub: payments}", "{http: {stub: nowhere}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("dependencies.payments.http.stub");
                    assertThat(p.message()).startsWith("no WireMock mappings at " + dir.resolve("nowhere").resolve("mappings"));
                });
    }

    @Test
    void theBuiltInIncidentsLoad() {
        assertThat(BuiltInIncidents.all()).extracting(Incident::id)
                .containsExactlyInAnyOrder("cascading-timeout", "database-stall", "db-failover", "db-failover-hang", "liveness-grace-trap", "liveness-restart-storm", "log-explosion",
                        "pool-exhaustion", "rolling-deploy-drain", "upload-bloat", "weather-cascade");
    }

    /** VALID with an S3 bucket, an upload in the mix, the storage section and one more budget. */
    private static String withStorage(String budget) {
        return VALID.replace("  payments: {http: {stub: payments}, env: {url: PAYMENTS_URL}}\n", """
                  payments: {http: {stub: payments}, env: {url: PAYMENTS_URL}}
                  uploads: {s3: {bucket: user-uploads, versioning: true}, env: {url: S3_URL, bucket: S3_BUCKET}}
                """).replace("    - {name: home, path: /}\n", """
                    - {name: home, path: /}
                    - name: photo
                      method: POST
                      path: /upload
                      upload: {field: photo, file: {phonePhoto: {width: 400, height: 300, bytes: 100000}}, form: {petId: "7"}}
                """).replace("faults:\n", """
                storage:
                  dependency: uploads
                  variants: {large.jpg: 1600x1600}
                  lifecycle: [noncurrent versions expire after 365 days]
                costs:
                  storedUploads: {count: 683000, source: the seed}
                  storage: {usdPerGBMonth: 0.023, source: the price list}
                faults:
                """).replace("budgets:\n", "budgets:\n  - " + budget + "\n");
    }

    @Test
    void aStorageIncidentReadsItsBucketAndProjectsItsBill() throws IOException {
        Incident incident = IncidentFile.load(write("incident.yaml", withStorage("{storageCost: uploads, atMost: 27}\n"
                + "  - {storedShare: uploads, atMost: 10%}\n  - {lifecycleRules: uploads, atLeast: 1}"))).incident();

        assertThat(incident.storage()).hasValueSatisfying(s -> assertThat(s.variants()).containsOnlyKeys("large.jpg"));
        assertThat(incident.storageCosts()).hasValue(new StorageCosts(683000, "the seed", 0.023, "the price list"));
        assertThat(incident.dependencies()).contains(new Dependency.S3("uploads", "user-uploads", true, "S3_URL", "S3_BUCKET",
                null, null, null));
        assertThat(incident.load().mix().get(1).upload().file()).isEqualTo(new Upload.PhonePhoto(400, 300, 100000));
        assertThat(incident.budgets()).extracting(Object::toString).contains(
                "projected storage of 683,000 uploads in uploads <= 27 USD/month",
                "bytes stored in uploads of the bytes uploaded <= 10%", "required lifecycle rules on uploads >= 1");
    }

    @Test
    void aStorageMeasureWithoutTheStorageSectionSaysWhatToAdd() throws IOException {
        assertThat(problems(VALID.replace("budgets:\n", "budgets:\n  - {storedPerUpload: uploads, atMost: 1048576}\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("add storage: {dependency"));
    }

    @Test
    void aStorageMeasureReadsTheWholeReplayAndTheWatchedBucketOnly() throws IOException {
        assertThat(problems(withStorage("{storedShare: uploads, in: fault, atMost: 10%}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("reads the whole replay, not a phase"));
        assertThat(problems(withStorage("{versions: backups, atMost: 3}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not 'backups'"));
    }

    @Test
    void aStorageSectionWithoutAnUploadOrWithABadBucketIsRefused() throws IOException {
        assertThat(problems(withStorage("{versions: uploads, atMost: 3}").replace("      upload: {field: photo,", "      x: {field: photo,")))
                .anySatisfy(p -> assertThat(p.message()).contains("x"));
        assertThat(problems(withStorage("{versions: uploads, atMost: 3}").replace("bucket: user-uploads", "bucket: User_Uploads")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("lower-case letters"));
        assertThat(problems(withStorage("{versions: uploads, atMost: 3}")
                .replace("                      upload: {field: photo, file: {phonePhoto: {width: 400, height: 300, bytes: 100000}}, form: {petId: \"7\"}}\n", "")
                .replace("      upload: {field: photo, file: {phonePhoto: {width: 400, height: 300, bytes: 100000}}, form: {petId: \"7\"}}\n", "")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("no request of the mix uploads a file"));
    }
}
