package io.incidentreplay.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A step of the fault timeline as it really happened: a toxic or an outage applied or removed, an
 * instance replaced, a step that failed, or a fault withheld because the steady state did not hold
 * before it.
 *
 * @param atMillis epoch milliseconds
 * @param key the fault it belongs to: its toxic's name in the incident, the outage's or the replaced
 *     instance's words; what the engine matches events by
 * @param fault the fault in words, e.g. {@code latency {jitter=0, latency=4728} on payments (downstream)}
 * @param kind what happened
 * @param detail why a step failed or was withheld; empty otherwise
 */
public record FaultEvent(long atMillis, @JsonIgnore String key, String fault, @JsonIgnore Kind kind, @JsonIgnore String detail) {

    /** What a step of the fault timeline did. */
    public enum Kind {
        APPLIED("applied"), REMOVED("removed"), FAILED("failed"), FAILED_TO_REMOVE("failed to remove"),
        WITHHELD("withheld");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    public FaultEvent {
        detail = detail == null ? "" : detail;
    }

    /** {@code applied}, {@code removed}, {@code failed: <why>}, {@code failed to remove: <why>}, {@code withheld: <why>}. */
    @JsonProperty("action")
    public String action() {
        return detail.isEmpty() ? kind.words : kind.words + ": " + detail;
    }

    public boolean is(String faultKey, Kind what) {
        return key.equals(faultKey) && kind == what;
    }
}
