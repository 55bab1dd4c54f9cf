package io.incidentreplay.seed;

/** No connection to the target database; the message names host, port and database, never the password. */
public final class DatabaseUnreachableException extends SeedException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
