package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** While a run lasts its log goes to replay.log, and to the console only with --verbose; afterwards as before. */
class RunLogTest {

    private static final String CONSOLE = "STDERR"; // logback.xml's console appender

    @TempDir
    Path output;

    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @Test
    void withoutVerboseTheLogGoesToTheFileOnlyAndTheConsoleComesBackAfterwards() throws Exception {
        assertThat(root.getAppender(CONSOLE)).as("logback.xml's console appender").isNotNull();

        try (RunLog log = RunLog.open(output, false)) {
            assertThat(root.getAppender(CONSOLE)).as("the console during the run").isNull();
            LoggerFactory.getLogger("io.incidentreplay.scenario.cli.RunLogTest").info("launcher - started 2 instances");
            assertThat(log.file()).isEqualTo(output.resolve("replay.log"));
        }

        assertThat(root.getAppender(CONSOLE)).as("the console after the run").isNotNull();
        assertThat(Files.readString(output.resolve("replay.log"))).contains("INFO ").contains("launcher - started 2 instances");
    }

    @Test
    void withVerboseTheConsoleKeepsTheLogToo() {
        try (RunLog log = RunLog.open(output, true)) {
            assertThat(root.getAppender(CONSOLE)).isNotNull();
            assertThat(root.getAppender("run-file")).isNotNull();
        }
        assertThat(root.getAppender("run-file")).as("the file appender ends with the run").isNull();
    }
}
