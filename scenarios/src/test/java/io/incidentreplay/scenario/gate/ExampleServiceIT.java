package io.incidentreplay.scenario.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.internal.file.IncidentFile;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness on a service it shares no code with: the Spring Boot orders example
 * (examples/orders), replayed from its own incident file, reproduces on its baseline build and
 * passes on its fixed build.
 */
class ExampleServiceIT {

    private static final Path INCIDENT = Path.of("..", "examples", "orders", "incident", "incident.yaml").toAbsolutePath().normalize();
    private static final Path OUTPUT = Path.of("target", "example-service-it").toAbsolutePath();
    private static ReplayEnvironment environment;
    private static LoadedIncident loaded;

    @BeforeAll
    static void start() {
        loaded = IncidentFile.load(INCIDENT);
        for (Build build : new Build[] {loaded.baseline().orElseThrow(), loaded.candidate().orElseThrow()}) {
            Path jar = ((Build.Jar) build).path();
            assumeTrue(Files.isRegularFile(jar), "the example's build is not packaged at " + jar
                    + "; run the whole reactor (mvn verify) or mvn -DskipTests package first");
        }
        environment = new ReplayEnvironment(EnvironmentConfig.custom().embedded().runDirectory(OUTPUT.resolve("environment")).build());
        environment.start();
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void theBaselineReproducesTheCascadeAndTheFixedBuildPasses() {
        ReplayEngine engine = new ReplayEngine(environment, OUTPUT, System.out);
        Incident incident = loaded.incident();

        ReplayResult baseline = engine.replay(new ReplayEngine.Request(incident, Role.BASELINE, loaded.baseline().orElseThrow(),
                incident.dataset(), incident.defaultTimeScale(), true));
        ReplayResult candidate = engine.replay(new ReplayEngine.Request(incident, Role.CANDIDATE, loaded.candidate().orElseThrow(),
                incident.dataset(), incident.defaultTimeScale(), true));

        assertThat(baseline.verdict()).as(String.join("; ", baseline.reasons())).isEqualTo(Verdict.REPRODUCED);
        assertThat(candidate.verdict()).as(String.join("; ", candidate.reasons())).isEqualTo(Verdict.PASS);
        assertThat(candidate.findings()).filteredOn(f -> f.finding().expectation().startsWith("time from fault start until breaker.payments.open"))
                .singleElement().satisfies(f -> assertThat(f.finding().met()).isTrue());
    }
}
