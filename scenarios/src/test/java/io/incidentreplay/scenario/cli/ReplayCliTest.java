package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCliTest {

    @Test
    void everySubcommandAnswersBadInputWithTheUsageExitCode() {
        StringWriter err = new StringWriter();
        CommandLine cli = ReplayCli.commandLine().setErr(new PrintWriter(err, true));

        int exit = cli.execute("fault-proxy", "--port", "70000");

        assertThat(exit).isEqualTo(ReplayCli.USAGE_ERROR);
        assertThat(err.toString()).contains("--port must be between 0 and 65535, but was 70000");
    }

    @Test
    void helpListsTheCapabilities() {
        StringWriter out = new StringWriter();
        CommandLine cli = ReplayCli.commandLine().setOut(new PrintWriter(out, true));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("serve", "fault-proxy");
    }
}
