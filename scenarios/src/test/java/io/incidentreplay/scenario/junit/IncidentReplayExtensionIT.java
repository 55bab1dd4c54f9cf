package io.incidentreplay.scenario.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension's lifecycle, run through the JUnit Platform as a user's build runs it: tests of one
 * class share one environment, started by the first that needs it, and the environment is closed
 * once the class is done — also when a test of it failed.
 */
class IncidentReplayExtensionIT {

    @Test
    void theTestsOfAClassShareOneEnvironmentThatStopsWithTheClassEvenAfterAFailure() {
        Captured.reset();

        TestExecutionSummary summary = run(TwoTests.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1); // the failing one, on purpose
        assertThat(Captured.environments).hasSize(2).allSatisfy(e -> assertThat(e).isSameAs(Captured.environments.get(0)));
        assertThatThrownBy(() -> DriverManager.getConnection(Captured.jdbcUrl, Captured.user, Captured.password).close())
                .as("PostgreSQL of the class's environment is stopped after the class")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aTestThatNeverReplaysStartsNothing() {
        Captured.reset();

        TestExecutionSummary summary = run(NoReplay.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(Captured.environments).isEmpty();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    /** What the inner tests saw, for the outer test to check once they are done. */
    static final class Captured {
        static final List<ReplayEnvironment> environments = new ArrayList<>();
        static String jdbcUrl;
        static String user;
        static String password;

        static void reset() {
            environments.clear();
            jdbcUrl = null;
        }

        static void environmentOf(Replayer replayer) {
            ReplayEnvironment environment = replayer.environment().get();
            environments.add(environment);
            jdbcUrl = environment.directJdbcUrl("postgres");
            user = environment.dbUser();
            password = environment.dbPassword();
        }
    }

    // Run only through the Launcher above: Failsafe's *IT pattern does not pick up nested classes.
    @IncidentReplayTest(output = "target/incident-replay-extension-it")
    static class TwoTests {
        @Test
        void first(Replayer replayer) {
            Captured.environmentOf(replayer);
        }

        @Test
        void second(Replayer replayer) {
            Captured.environmentOf(replayer);
            throw new AssertionError("a failed test must not leave the environment running");
        }
    }

    @IncidentReplayTest(output = "target/incident-replay-extension-it")
    static class NoReplay {
        @Test
        void nothing(Replayer replayer) {
            assertThat(replayer).isNotNull();
        }
    }
}
