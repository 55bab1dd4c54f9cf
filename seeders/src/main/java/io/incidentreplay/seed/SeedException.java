package io.incidentreplay.seed;

/** A seed or template operation failed; the message says what was observed and what to do. */
public class SeedException extends RuntimeException {
    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
