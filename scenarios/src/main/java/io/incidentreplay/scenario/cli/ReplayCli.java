package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.faultproxy.cli.FaultProxyCommand;
import io.incidentreplay.seed.cli.SeedCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./replay}: the single command-line entry point. One subcommand per capability.
 *
 * <p>Exit codes follow the replay contract: 0 everything as expected, 1 a candidate failed a
 * budget, 2 a baseline did not reproduce or a replay was invalid, 3 usage error, 4 the harness broke.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ReplayCli.USAGE_ERROR,
        versionProvider = ReplayCli.Version.class,
        description = "Replays production incidents against a build: seeded PostgreSQL, an ALB model, "
                + "Gatling load and Toxiproxy faults, with a verdict per build.",
        subcommands = {RunCommand.class, GateCommand.class, ValidateCommand.class, ListCommand.class, SeedCommand.class, ServeCommand.class, FaultProxyCommand.class,
                CommandLine.HelpCommand.class})
public final class ReplayCli implements Runnable {

    /** Exit code for bad input: nothing was started. */
    public static final int USAGE_ERROR = 3;

    /** Exit code for a harness that broke (an environment that did not start, an exception): no verdict. */
    public static final int HARNESS_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ReplayCli()).setExecutionExceptionHandler(new FailureHandler());
        // Subcommands from other modules keep picocli's default (2); ./replay promises 3 for bad input.
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(USAGE_ERROR));
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ReplayCli.class.getPackage().getImplementationVersion();
            return new String[] {"Incident Replay " + (v == null ? "(development build)" : v)};
        }
    }
}
