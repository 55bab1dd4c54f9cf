package io.incidentreplay.scenario.internal.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects {@link RequestRecord}s from many load threads at once; read after (or during) a run.
 * It also knows the requests still waiting for an answer, so that a check made while the load runs
 * sees a stalled request before it times out.
 */
public final class RequestLog {

    /**
     * A request that was sent: its name in the load profile, when, and how long its answer took
     * ({@link #UNANSWERED} while it is in flight, or when it never ended).
     */
    public record Sent(String name, long startMillis, long latencyMillis) {

        public static final long UNANSWERED = -1;

        public Sent(String name, long startMillis) {
            this(name, startMillis, UNANSWERED);
        }

        /** Whether it ended and took longer than {@code millis}. */
        public boolean slowerThan(long millis) {
            return latencyMillis > millis;
        }
    }

    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final Map<Long, Sent> inFlight = new ConcurrentHashMap<>();
    /** Every request sent, by id; kept only when the build's logs are joined with the requests. */
    private final Map<Long, Sent> sent;

    public RequestLog() {
        this(false);
    }

    /** @param keepSent whether to keep every request sent by id ({@link #sent()}), for {@link LogScan} */
    public RequestLog(boolean keepSent) {
        this.sent = keepSent ? new ConcurrentHashMap<>() : null;
    }

    /** A request was sent; {@code id} is unique among the requests in flight (e.g. the virtual user's). */
    public void begin(long id, String name, long startMillis) {
        Sent s = new Sent(name, startMillis);
        inFlight.put(id, s);
        if (sent != null) {
            sent.put(id, s);
        }
    }

    /** Every request sent so far, by id; empty unless made with {@code keepSent}. */
    public Map<Long, Sent> sent() {
        return sent == null ? Map.of() : Map.copyOf(sent);
    }

    /** The request {@code id} ended as {@code record}. */
    public void end(long id, RequestRecord record) {
        inFlight.remove(id);
        if (sent != null) {
            sent.computeIfPresent(id, (k, s) -> new Sent(s.name(), s.startMillis(), record.latencyMillis()));
        }
        records.add(record);
    }

    public void add(RequestRecord record) {
        records.add(record);
    }

    /** A copy of everything recorded so far, in arrival order. */
    public List<RequestRecord> records() {
        return new ArrayList<>(records);
    }

    /**
     * Everything recorded so far, plus each request still in flight as a record with status
     * {@link RequestRecord#IN_FLIGHT} and its age at {@code nowMillis} as latency.
     */
    public List<RequestRecord> recordsAndInFlight(long nowMillis) {
        List<RequestRecord> all = records();
        inFlight.values().forEach(s -> all.add(new RequestRecord(s.name(), s.startMillis(),
                Math.max(0, nowMillis - s.startMillis()), RequestRecord.IN_FLIGHT, false)));
        return all;
    }
}
