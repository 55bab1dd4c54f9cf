package io.incidentreplay.scenario.internal.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.Window;

/**
 * Everything one replay observed, in the form expectations are judged against: the requests, the
 * probes' timeline, and the windows of each phase (epoch milliseconds, real time as run).
 *
 * @param requests every request the load sent
 * @param timeline the probes' samples
 * @param phases each phase's window, by name, plus {@link #RUN} for the whole load
 * @param timeScale the factor applied to the incident's timers (1 = real time)
 * @param logs the builds' log output joined with the requests; {@link LogScan#NONE} when not watched
 * @param storage the bucket as the build left it; {@link StorageScan#NONE} when not watched
 * @param logGroups the CloudWatch Logs groups the build put; {@link LogGroupScan#NONE} when not watched
 */
public record Observations(List<RequestRecord> requests, Timeline timeline, Map<String, Window> phases, TimeScale timeScale,
        LogScan logs, StorageScan storage, LogGroupScan logGroups) {

    /** The window that spans the whole load. */
    public static final String RUN = "run";

    public Observations {
        requests = List.copyOf(requests);
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases)); // keeps the phases' order
    }

    /** Observations of a replay whose logs are not watched. */
    public Observations(List<RequestRecord> requests, Timeline timeline, Map<String, Window> phases, TimeScale timeScale) {
        this(requests, timeline, phases, timeScale, LogScan.NONE);
    }

    /** Observations of a replay whose bucket is not watched. */
    public Observations(List<RequestRecord> requests, Timeline timeline, Map<String, Window> phases, TimeScale timeScale,
            LogScan logs) {
        this(requests, timeline, phases, timeScale, logs, StorageScan.NONE);
    }

    /** Observations of a replay whose log groups are not watched. */
    public Observations(List<RequestRecord> requests, Timeline timeline, Map<String, Window> phases, TimeScale timeScale,
            LogScan logs, StorageScan storage) {
        this(requests, timeline, phases, timeScale, logs, storage, LogGroupScan.NONE);
    }

    public Window window(String phase) {
        Window w = phases.get(phase);
        if (w == null) {
            throw new IllegalArgumentException("no phase named '" + phase + "'; phases are " + phases.keySet());
        }
        return w;
    }

    public RequestStats stats(String phase, String request) {
        return RequestStats.of(requests, window(phase), request);
    }
}
