package io.incidentreplay.report.internal;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The reports' own read-model of one {@code result.json} (format {@code incident-replay/result@1},
 * see {@code docs/results-format.md}). It mirrors the engine's {@code ReplayResult} by field name
 * without depending on it; unknown fields are ignored and absent lists read as empty, so a partial
 * (INCOMPLETE) result still renders.
 */
public record ReplayData(
        String format,
        Incident incident,
        String role,
        Build build,
        Dataset dataset,
        double timeScale,
        String environment,
        long startedAtMillis,
        long endedAtMillis,
        String verdict,
        List<String> reasons,
        List<JudgedFinding> findings,
        List<Window> phases,
        List<Stats> stats,
        List<TrafficSecond> traffic,
        List<Sample> timeline,
        List<FaultEvent> faultEvents,
        List<FaultCheck> faultChecks,
        String gatlingReport,
        List<String> notes) {

    /** The window spanning the whole load; every other window is a phase. */
    public static final String RUN = "run";

    public ReplayData {
        incident = incident == null ? new Incident(null, null, null, null) : incident;
        build = build == null ? new Build(null, null) : build;
        dataset = dataset == null ? new Dataset(null, 0, 0) : dataset;
        reasons = orEmpty(reasons);
        findings = orEmpty(findings);
        phases = orEmpty(phases);
        stats = orEmpty(stats);
        traffic = orEmpty(traffic);
        timeline = orEmpty(timeline);
        faultEvents = orEmpty(faultEvents);
        faultChecks = orEmpty(faultChecks);
        notes = orEmpty(notes);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public record Incident(String id, String title, String seedReference, String story) {}

    public record Build(String name, String path) {}

    public record Dataset(String preset, int pets, long seed) {}

    public record Finding(String expectation, boolean met, double measured, String reason) {}

    public record JudgedFinding(String kind, Finding finding) {}

    public record Window(String name, long fromMillis, long toMillis) {}

    public record Latency(int count, long p50, long p95, long p99, long max) {}

    public record Stats(String window, String request, Latency latency, long errors, Map<String, Long> errorsByStatus,
            double throughputPerSecond, long fallbacks) {
        public Stats {
            latency = latency == null ? new Latency(0, 0, 0, 0, 0) : latency;
            errorsByStatus = errorsByStatus == null ? Map.of() : errorsByStatus;
        }

        public double errorPercent() {
            return latency.count() == 0 ? 0 : 100.0 * errors / latency.count();
        }

        public double fallbackPercent() {
            return latency.count() == 0 ? 0 : 100.0 * fallbacks / latency.count();
        }
    }

    public record TrafficSecond(long atMillis, int requests, Map<String, Long> errorsByStatus, long p50, long p99) {
        public TrafficSecond {
            errorsByStatus = errorsByStatus == null ? Map.of() : errorsByStatus;
        }
    }

    public record Sample(long atMillis, String series, String source, double value) {}

    public record FaultEvent(long atMillis, String fault, String action) {}

    public record FaultCheck(String fault, boolean verified, String detail) {}

    /**
     * When the load started: the {@code run} window's start, else the first phase's, else the first
     * observation's, else the replay's start. Every chart's time axis counts from here.
     */
    public long loadStartMillis() {
        return phases.stream().filter(w -> RUN.equals(w.name())).mapToLong(Window::fromMillis).findFirst()
                .orElseGet(() -> phases.stream().mapToLong(Window::fromMillis).min()
                        .orElseGet(() -> firstObservation().orElse(startedAtMillis)));
    }

    private OptionalLong firstObservation() {
        return Stream.of(
                        traffic.stream().mapToLong(TrafficSecond::atMillis),
                        timeline.stream().mapToLong(Sample::atMillis),
                        faultEvents.stream().mapToLong(FaultEvent::atMillis))
                .flatMapToLong(s -> s)
                .min();
    }

    /** The phases in order, without the {@code run} window. */
    public List<Window> phaseWindows() {
        return phases.stream().filter(w -> !RUN.equals(w.name())).toList();
    }

    /** Whether the role got the verdict it should: REPRODUCED for a baseline, PASS for a candidate. */
    public boolean verdictAsExpected() {
        return "REPRODUCED".equals(verdict) || "PASS".equals(verdict);
    }
}
