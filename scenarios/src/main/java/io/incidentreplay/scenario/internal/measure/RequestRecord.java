package io.incidentreplay.scenario.internal.measure;

/**
 * One request as the harness saw it from the client side.
 *
 * @param name the request's name in the load profile, e.g. {@code checkout}
 * @param startMillis when it was sent, epoch milliseconds
 * @param latencyMillis until the response was complete, or until it failed
 * @param status the HTTP status, or {@link #NO_RESPONSE} when none arrived (refused, reset, timed out)
 * @param fallback whether the response carried a degraded answer (e.g. a cached answer)
 */
public record RequestRecord(String name, long startMillis, long latencyMillis, int status, boolean fallback) {

    /** Status recorded when no HTTP response arrived at all. */
    public static final int NO_RESPONSE = 0;

    /**
     * A request still waiting for its answer, with its age so far as latency: only in the live
     * steady-state check ({@link RequestLog#recordsAndInFlight}), never in a result. It has not
     * failed (yet), but a stalled one still pushes the p99 up.
     */
    public static final int IN_FLIGHT = -1;

    /** A 2xx or 3xx answer, or no answer yet. */
    public boolean ok() {
        return status == IN_FLIGHT || status >= 200 && status < 400;
    }

    /** The key errors are counted under: the status code, or {@code no-response}. */
    public String errorKey() {
        return status == NO_RESPONSE ? "no-response" : Integer.toString(status);
    }
}
