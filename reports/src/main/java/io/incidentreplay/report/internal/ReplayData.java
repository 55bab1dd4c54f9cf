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
        List<String> notes,
        Control control,
        Machine machine,
        List<WarmUp> warmUp,
        Resources resources,
        Logs logs,
        Storage storage) {

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
        warmUp = orEmpty(warmUp);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public record Incident(String id, String title, String seedReference, String story) {}

    /** What the replay cost: wall time, and the CPU of the harness and of the build's instances (PostgreSQL not counted). */
    public record Resources(long wallMillis, long harnessCpuMillis, long buildCpuMillis, double harnessCpuPercent) {}

    public record Build(String name, String path) {}

    /** What the builds logged (null for an incident that watches no logs), with its projected monthly cost. */
    public record Logs(String phase, Map<String, Double> loggedPercent, double bytesPerRequest,
            Map<String, Double> bytesPerRequestOf, Map<String, Long> canaryLines, long secretLines, Cost cost) {
        public Logs {
            loggedPercent = loggedPercent == null ? Map.of() : new java.util.LinkedHashMap<>(loggedPercent);
            bytesPerRequestOf = bytesPerRequestOf == null ? Map.of() : new java.util.LinkedHashMap<>(bytesPerRequestOf);
            canaryLines = canaryLines == null ? Map.of() : new java.util.LinkedHashMap<>(canaryLines);
        }
    }

    /** A monthly bill projected from what was measured, with the figures it used and their sources. */
    public record Cost(double requestsPerSecond, String trafficSource, double usdPerGb, String priceSource, double gbPerMonth,
            double usdPerMonth) {}

    /** What the build stored in the watched bucket (null for an incident that watches none), with its projected monthly cost. */
    public record Storage(String dependency, String bucket, long versions, long storedBytes, long uploads, long uploadedBytes,
            double bytesPerUpload, double storedPercent, int mostVersions, String mostVersionsKey, boolean lifecycleConfigured,
            List<String> lifecycle, List<String> lifecycleMissing, int checked, int matching, List<String> mismatches,
            StorageCost cost) {
        public Storage {
            lifecycle = orEmpty(lifecycle);
            lifecycleMissing = orEmpty(lifecycleMissing);
            mismatches = orEmpty(mismatches);
        }
    }

    public record StorageCost(double uploads, String uploadsSource, double usdPerGbMonth, String priceSource, double storedGb,
            double usdPerMonth) {}

    public record Dataset(String preset, int pets, long seed) {}

    /**
     * One judged expectation. {@code limit}, {@code margin}, {@code atBound} and {@code thin} were added
     * within {@code @1}: they are null in older results, which recorded no margins.
     *
     * @param margin how far {@code measured} lies on the met side of {@code limit}, as a share of it
     *     (0.4 = 40 % inside, negative = outside); NaN when undefined
     * @param atBound whether {@code measured} is at the measure's natural bound (0 % errors, every target healthy)
     * @param thin whether the margin is under the engine's threshold (25 %) and not at its bound
     * @param notCheckable whether the environment could not check it at all (absent: it could)
     */
    public record Finding(String expectation, boolean met, double measured, Double limit, Double margin,
            Boolean atBound, Boolean thin, String reason, Boolean notCheckable) {

        public Finding(String expectation, boolean met, double measured, Double limit, Double margin, Boolean atBound,
                Boolean thin, String reason) {
            this(expectation, met, measured, limit, margin, atBound, thin, reason, null);
        }

        public boolean isNotCheckable() {
            return Boolean.TRUE.equals(notCheckable);
        }

        public boolean isThin() {
            return Boolean.TRUE.equals(thin);
        }

        public boolean isAtBound() {
            return Boolean.TRUE.equals(atBound);
        }
    }

    /** The kinds of findings a result holds (see {@code docs/results-format.md}). */
    public static final String SIGNATURE = "signature";
    public static final String BUDGET = "budget";
    public static final String STEADY_STATE = "steady-state";
    public static final String CONTROL = "control";
    public static final String STEADY_STATE_AFTER = "steady-state-after";

    public record JudgedFinding(String kind, Finding finding) {}

    /**
     * The control the verdict rests on (added within {@code @1}; null in older results).
     *
     * @param kind {@code window}, {@code replay} or {@code none}
     * @param window the control's window; for {@code replay} in the control replay's own time; may be null
     * @param steadyStateHeld whether the steady-state hypothesis held there; null when it was not checked
     * @param signatureHeld reasons of the signature parts that also held in the control
     * @param result the control replay's result.json relative to this result's directory, or null
     * @param note why the control was not judged, or null
     */
    public record Control(String kind, String description, Window window, Boolean steadyStateHeld,
            List<String> signatureHeld, String result, String note) {
        public Control {
            signatureHeld = orEmpty(signatureHeld);
        }
    }

    /** The machine guard's view of the run (added within {@code @1}; null in older results). */
    public record Machine(int cores, boolean sampled, double busyPercentSaturated, double pressurePercentSaturated,
            List<MachineWindow> windows) {
        public Machine {
            windows = orEmpty(windows);
        }
    }

    /** Mean load of one judged window, percent of all cores (pressure: of wall time); NaN where not read. */
    public record MachineWindow(String window, double busyPercent, double pressurePercent, double stealPercent,
            double harnessPercent, double buildPercent, boolean saturated) {}

    /** How one instance was warmed before the load balancer registered it (added within {@code @1}). */
    public record WarmUp(String instance, int rounds, int requests, long millis, boolean settled, long p90Millis,
            long healthCheckP95Millis) {}

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

    /** The role of a baseline's control replay: the same load without the fault's cause. */
    public static final String BASELINE_CONTROL = "baseline-control";

    /**
     * Whether the role got the verdict it should: REPRODUCED for a baseline, PASS for a candidate,
     * and for a baseline's control replay NOT_REPRODUCED with its steady state holding (it must show
     * none of the signature, and be steady, or the baseline has no control to rest on).
     */
    public boolean verdictAsExpected() {
        if (BASELINE_CONTROL.equals(role)) {
            return "NOT_REPRODUCED".equals(verdict) && (control == null || !Boolean.FALSE.equals(control.steadyStateHeld()));
        }
        return "REPRODUCED".equals(verdict) || "PASS".equals(verdict);
    }

    /** Findings of one kind, in the order the result lists them. */
    public List<JudgedFinding> findingsOf(String kind) {
        return findings.stream().filter(f -> kind.equals(f.kind())).toList();
    }
}
