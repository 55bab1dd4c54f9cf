package io.incidentreplay.scenario.internal.engine;

/** A replay could not be carried out (a build never became healthy, the dataset failed to load). */
public final class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
