package io.incidentreplay.scenario.cli;

import picocli.CommandLine;

/** Prints a {@link UserError} as one readable line; anything else is a bug and keeps its trace. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof UserError || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("replay: " + e.getMessage());
            return ReplayCli.USAGE_ERROR;
        }
        throw e;
    }
}
