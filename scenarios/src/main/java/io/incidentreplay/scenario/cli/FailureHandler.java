package io.incidentreplay.scenario.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;

/**
 * Bad input ({@link UserError}) is one readable line and exit 3. Anything else broke the harness:
 * one sentence on stderr, its stack trace in a log file whose path that sentence gives, and exit 4
 * — never the code of a verdict.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    /** Where a failure that happened before any run directory existed leaves its stack trace. */
    static final Path DEFAULT_LOG_DIRECTORY = Path.of("replay-reports");

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof UserError || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("replay: " + e.getMessage());
            return ReplayCli.USAGE_ERROR;
        }
        Path directory = e instanceof HarnessFailure h ? h.logDirectory() : DEFAULT_LOG_DIRECTORY;
        String sentence = e instanceof HarnessFailure ? e.getMessage() : "the harness broke: " + e;
        commandLine.getErr().println("replay: " + sentence + " (this says nothing about the build); " + logged(e, directory));
        return ReplayCli.HARNESS_ERROR;
    }

    private static String logged(Exception e, Path directory) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Path log = directory.resolve("harness-error-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        try {
            Files.createDirectories(directory);
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return "the stack trace is in " + log.toAbsolutePath();
        } catch (IOException io) {
            return "the stack trace could not be written to " + log.toAbsolutePath() + " (" + io.getMessage() + "):\n" + trace;
        }
    }
}
