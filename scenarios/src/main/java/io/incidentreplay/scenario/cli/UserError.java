package io.incidentreplay.scenario.cli;

/**
 * Bad input or a missing prerequisite, said in words a user can act on. The CLI prints the message
 * alone (no stack trace) and exits with {@link ReplayCli#USAGE_ERROR}.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
