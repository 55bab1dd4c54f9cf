package io.incidentreplay.scenario.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects {@link RequestRecord}s from many load threads at once; read after (or during) a run. */
public final class RequestLog {

    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();

    public void add(RequestRecord record) {
        records.add(record);
    }

    /** A copy of everything recorded so far, in arrival order. */
    public List<RequestRecord> records() {
        return new ArrayList<>(records);
    }
}
