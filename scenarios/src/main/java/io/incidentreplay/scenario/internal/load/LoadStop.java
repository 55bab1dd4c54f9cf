package io.incidentreplay.scenario.internal.load;

/**
 * Asks a running load to end early, e.g. when the steady state did not hold before the fault and
 * the rest of the load would only cost time. Thread-safe; the first reason given wins.
 */
public final class LoadStop {

    private volatile String reason;

    /** Ends the load at the next virtual user it starts. */
    public synchronized void request(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean requested() {
        return reason != null;
    }

    /** Why the load was asked to stop; empty while it was not. */
    public String reason() {
        return reason == null ? "" : reason;
    }
}
