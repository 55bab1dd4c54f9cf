package io.incidentreplay.scenario;

import java.util.List;
import java.util.Objects;

/**
 * What a replay reads in the builds' own log output (each launched instance's stdout and stderr),
 * for incidents whose fault is the logging itself (WS2's log explosion): every request carries a
 * request id in {@link #requestIdHeader()}, so that a log line naming it shows the request was
 * logged, and the {@link #canaries()} are secret values the load sends (in headers and bodies), so
 * that a search for them in the logs is exact.
 *
 * @param requestIdHeader the header each request's id goes in, e.g. {@code X-Request-Id}
 * @param canaries secret values the load sends that must never reach a log; may be empty
 */
public record LogWatch(String requestIdHeader, List<String> canaries) {

    /** Every request id the load sends starts with this, followed by the virtual user's number. */
    public static final String ID_PREFIX = "replay-req-";

    public LogWatch {
        Objects.requireNonNull(requestIdHeader, "requestIdHeader");
        if (!requestIdHeader.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("logs.requestId must be a header name such as X-Request-Id, not '" + requestIdHeader + "'");
        }
        canaries = List.copyOf(canaries);
        for (String canary : canaries) {
            if (canary.length() < 8) {
                throw new IllegalArgumentException("a canary secret must be at least 8 characters, so that finding it in a log "
                        + "is not chance: '" + canary + "'");
            }
        }
    }

    /** The id of the request that virtual user {@code userId} sends. */
    public static String requestId(long userId) {
        return ID_PREFIX + userId;
    }
}
