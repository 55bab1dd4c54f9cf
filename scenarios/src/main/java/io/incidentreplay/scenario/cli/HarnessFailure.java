package io.incidentreplay.scenario.cli;

import java.nio.file.Path;

/**
 * The harness broke — an environment that would not start, an exception in a replay's machinery —
 * which says nothing about the build. The CLI prints {@link #getMessage()} as one sentence, writes
 * the stack trace to a log in {@link #logDirectory()}, and exits {@link ReplayCli#HARNESS_ERROR}, a
 * code no verdict has.
 */
final class HarnessFailure extends RuntimeException {

    private final Path logDirectory;

    HarnessFailure(String sentence, Throwable cause, Path logDirectory) {
        super(sentence, cause);
        this.logDirectory = logDirectory;
    }

    Path logDirectory() {
        return logDirectory;
    }
}
