package io.incidentreplay.scenario.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.testsupport.BuiltInIncidents;
import io.incidentreplay.seed.DatasetSource;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pre-release gate: every incident must still reproduce on its baseline and must pass on the
 * candidate. In a plain {@code mvn verify} it runs each incident at its own (compressed) time scale
 * and dataset; {@code mvn verify -Pgate} sets {@code replay.timeScale} and {@code replay.dataset}
 * for the full-scale replay. {@code replay.incidents} (ids, comma-separated; empty for all) says
 * which incidents it replays: the plain build's list is in the module's pom, with why, and every
 * incident left out shows as a skipped test, never as a silent absence. Reports land in
 * {@code scenarios/target/replay-gate/}.
 */
class ReplayGateIT {

    private static ReplayEnvironment environment;
    private static ReplayEngine engine;

    @BeforeAll
    static void startEnvironment() {
        Path output = Path.of("target", "replay-gate").toAbsolutePath();
        environment = new ReplayEnvironment(EnvironmentConfig.custom().embedded().runDirectory(output.resolve("environment")).build());
        environment.start();
        engine = new ReplayEngine(environment, output, System.out);
    }

    @AfterAll
    static void stopEnvironment() {
        if (environment != null) {
            environment.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyIncidentReproducesOnItsBaselineAndPassesOnItsCandidate() {
        String selection = System.getProperty("replay.incidents", "");
        List<String> chosen = BuiltInIncidents.selected(selection).stream().map(Incident::id).toList();
        return BuiltInIncidents.all().stream().flatMap(incident -> chosen.contains(incident.id())
                ? Stream.of(
                        DynamicTest.dynamicTest(incident.id() + " on the baseline is REPRODUCED",
                                () -> expect(incident, Role.BASELINE, ReferenceJars.before(), Verdict.REPRODUCED)),
                        DynamicTest.dynamicTest(incident.id() + " on the candidate PASSes",
                                () -> expect(incident, Role.CANDIDATE, ReferenceJars.after(), Verdict.PASS)))
                : Stream.of(DynamicTest.dynamicTest(incident.id() + " is left to ./replay gate and -Pgate",
                        () -> Assumptions.abort("replay.incidents=" + selection + " leaves " + incident.id()
                                + " out; ./replay gate and mvn verify -Pgate replay it"))));
    }

    private static void expect(Incident incident, Role role, Build jar, Verdict expected) {
        String scale = System.getProperty("replay.timeScale");
        String dataset = System.getProperty("replay.dataset");
        ReplayResult result = engine.replay(new ReplayEngine.Request(incident, role, jar,
                dataset == null || dataset.isBlank() ? incident.dataset() : DatasetSource.preset(dataset),
                scale == null || scale.isBlank() ? incident.defaultTimeScale() : TimeScale.parse(scale), true)).result();

        assertThat(result.verdict())
                .as("%s on the %s: %s", incident.id(), result.role(), String.join("; ", result.reasons()))
                .isEqualTo(expected);
    }
}
