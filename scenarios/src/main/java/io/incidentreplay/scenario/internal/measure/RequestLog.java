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

    private record Started(String name, long startMillis) {}

    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final Map<Long, Started> inFlight = new ConcurrentHashMap<>();

    /** A request was sent; {@code id} is unique among the requests in flight (e.g. the virtual user's). */
    public void begin(long id, String name, long startMillis) {
        inFlight.put(id, new Started(name, startMillis));
    }

    /** The request {@code id} ended as {@code record}. */
    public void end(long id, RequestRecord record) {
        inFlight.remove(id);
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
