package io.incidentreplay.scenario;

import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Everything one replay of one incident on one build produced, as written to
 * {@code result.json} (format {@value #FORMAT}, described in {@code docs/results-format.md}).
 *
 * @param incident what was replayed
 * @param role {@code baseline} or {@code candidate}
 * @param build the build's jar file name and path
 * @param dataset the dataset preset, pets and random seed
 * @param timeScale the factor applied to every timer (1 = real time)
 * @param environment one line describing PostgreSQL and the fault plane
 * @param startedAtMillis when the replay began (epoch ms)
 * @param endedAtMillis when it ended (epoch ms)
 * @param verdict the outcome
 * @param reasons why, in numbers: failed expectations first
 * @param findings every expectation with its judgement
 * @param phases each phase's window as run, plus {@code run}
 * @param stats per window and request name
 * @param traffic requests per second of the run, for charts
 * @param timeline every probe sample
 * @param faultEvents the fault timeline as it really happened
 * @param faultChecks whether each fault demonstrably took effect
 * @param gatlingReport path of Gatling's HTML report, relative to the result file; null if none
 * @param notes anything a reader must know to trust the numbers (e.g. what could not be verified)
 * @param resources what the replay cost: wall time and CPU of the harness and of the build's instances
 * @param control the control the verdict rests on: where the steady state was checked and the
 *     signature must not hold
 * @param machine the machine's CPU in each judged window, and whether it was saturated
 * @param warmUp how each instance was warmed before the load balancer registered it
 * @param logs what the builds logged, or null
 * @param storage what the build stored in the watched bucket, or null
 */
public record ReplayResult(
        IncidentInfo incident,
        String role,
        BuildInfo build,
        DatasetInfo dataset,
        double timeScale,
        String environment,
        long startedAtMillis,
        long endedAtMillis,
        Verdict verdict,
        List<String> reasons,
        List<JudgedFinding> findings,
        List<Window> phases,
        List<RequestStats> stats,
        List<TrafficSecond> traffic,
        List<Sample> timeline,
        List<FaultEvent> faultEvents,
        List<FaultCheck> faultChecks,
        String gatlingReport,
        List<String> notes,
        Resources resources,
        ControlInfo control,
        MachineInfo machine,
        List<WarmUp> warmUp,
        LogsInfo logs,
        StorageInfo storage) {

    /** The result file's format and version; bumped on any incompatible change. */
    public static final String FORMAT = "incident-replay/result@1";

    @JsonProperty("format")
    public String format() {
        return FORMAT;
    }

    /** The incident's identity and story. */
    public record IncidentInfo(String id, String title, String seedReference, String story) {}

    /**
     * What one replay cost.
     *
     * @param wallMillis from the start of the replay to its result
     * @param harnessCpuMillis CPU of the harness JVM (load generator, load balancer, fault proxy, probes, stub)
     * @param buildCpuMillis CPU of the build's instances together
     */
    public record Resources(long wallMillis, long harnessCpuMillis, long buildCpuMillis) {
        /** The harness's share of the CPU the replay used, in percent (PostgreSQL not counted). */
        @JsonProperty("harnessCpuPercent")
        public double harnessCpuPercent() {
            long total = harnessCpuMillis + buildCpuMillis;
            return total == 0 ? 0 : 100.0 * harnessCpuMillis / total;
        }
    }

    /**
     * The control of this replay.
     *
     * @param kind {@code window} (a phase of this replay before the fault), {@code replay} (a second
     *     replay without the fault's data volume), or {@code none} when it was not judged
     * @param description which control, in words
     * @param window the control's window as judged (in the control replay's own time for {@code replay}); null if none
     * @param steadyStateHeld whether the steady-state hypothesis held there; null when not checked
     * @param signatureHeld the parts of the signature that also held there (each must not); empty for a clean control
     * @param result the control replay's result.json relative to this one, or null
     * @param note why the control was not judged, or null
     */
    public record ControlInfo(String kind, String description, Window window, Boolean steadyStateHeld,
            List<String> signatureHeld, String result, String note) {}

    /**
     * The machine during the replay.
     *
     * @param cores the CPUs the harness saw
     * @param sampled whether the machine offered CPU counters ({@code /proc/stat}); when not, nothing was judged
     * @param busyPercentSaturated a window at or above this mean CPU busy share is saturated
     * @param pressurePercentSaturated a window at or above this mean CPU pressure is saturated
     * @param windows each judged window's mean load
     */
    public record MachineInfo(int cores, boolean sampled, double busyPercentSaturated, double pressurePercentSaturated,
            List<MachineWindow> windows) {}

    /**
     * The machine's mean load over one judged window, in percent of all cores (pressure: of wall
     * time, Linux PSI "some"); NaN where it offered no reading.
     */
    public record MachineWindow(String window, double busyPercent, double pressurePercent, double stealPercent,
            double harnessPercent, double buildPercent, boolean saturated) {}

    /**
     * Warming one instance before the load balancer registered it.
     *
     * @param rounds rounds of requests sent straight to the instance
     * @param requests requests sent, health checks included
     * @param millis how long it took
     * @param settled whether its latency stopped falling (two rounds' p90 within 25%) in time
     * @param p90Millis the last round's p90
     * @param healthCheckP95Millis the health-check path's p95 over a last round of 50 health checks
     */
    public record WarmUp(String instance, int rounds, int requests, long millis, boolean settled, long p90Millis,
            long healthCheckP95Millis) {}

    /**
     * What the builds logged, for an incident that watches their logs (null otherwise), over the
     * load's last phase.
     *
     * @param phase the phase it was read over
     * @param loggedPercent per request of the mix, and {@code all}: the share of its requests a log line names
     * @param bytesPerRequest log bytes written in the phase per request sent in it
     * @param bytesPerRequestOf per request of the mix, the bytes of the log lines naming its requests, per request
     * @param canaryLines per canary secret, the log lines holding it, over the whole replay
     * @param secretLines the log lines holding any canary, over the whole replay
     * @param cost the projection to a month of production traffic, or null when the incident has no costs
     * @param logGroups per CloudWatch Logs dependency, its log groups as the build left them (retention
     *     in days, null: kept forever); empty when there is none, or nothing could be read
     * @param logGroupsNotCheckable why the environment could not read log groups at all, or null
     */
    public record LogsInfo(String phase, Map<String, Double> loggedPercent, double bytesPerRequest,
            Map<String, Double> bytesPerRequestOf, Map<String, Long> canaryLines, long secretLines, CostInfo cost,
            Map<String, List<LogGroups.Group>> logGroups, String logGroupsNotCheckable) {}

    /**
     * A monthly bill projected from what was measured, with every figure it used and their sources.
     *
     * @param requestsPerSecond the production traffic it is projected to
     * @param trafficSource where that rate comes from
     * @param usdPerGb the price of ingesting a GB of logs
     * @param priceSource where that price comes from
     * @param gbPerMonth the log volume a month at that traffic
     * @param usdPerMonth what it costs to ingest
     */
    public record CostInfo(double requestsPerSecond, String trafficSource, double usdPerGb, String priceSource,
            double gbPerMonth, double usdPerMonth) {}

    /**
     * The bucket as the build left it, with its monthly bill; null for an incident that watches no bucket.
     *
     * @param uploads the uploads the build acknowledged (2xx), over the whole replay
     * @param uploadedBytes the bytes those uploads sent
     * @param bytesPerUpload bytes stored (every version) per acknowledged upload
     * @param storedPercent bytes stored as a share of the bytes uploaded
     * @param lifecycle the enabled rules' actions found on the bucket
     * @param lifecycleMissing the rules of the incident's storage.lifecycle that were not
     * @param checked the latest objects checked against the expected variants
     * @param matching those that were one, of the right size, headers and metadata
     * @param mismatches why the first few others were not
     */
    public record StorageInfo(String dependency, String bucket, long versions, long storedBytes, long uploads, long uploadedBytes,
            double bytesPerUpload, double storedPercent, int mostVersions, String mostVersionsKey, boolean lifecycleConfigured,
            List<String> lifecycle, List<String> lifecycleMissing, int checked, int matching, List<String> mismatches,
            StorageCostInfo cost) {}

    /**
     * A monthly storage bill projected from the bytes stored per upload.
     *
     * @param uploads the uploads production's bucket holds
     * @param storedGb what they take at the bytes stored per upload
     */
    public record StorageCostInfo(double uploads, String uploadsSource, double usdPerGbMonth, String priceSource, double storedGb,
            double usdPerMonth) {}

    /** The build under test. */
    public record BuildInfo(String name, String path) {}

    /** What the seeder loaded. */
    public record DatasetInfo(String preset, int pets, long seed) {}

    /** A finding with the list it came from: {@code signature} (baseline) or {@code budget} (candidate). */
    public record JudgedFinding(String kind, Finding finding) {}

    /**
     * One second of the run: requests started in it, errors by status, and latency percentiles.
     *
     * @param atMillis the second's start, epoch ms
     */
    public record TrafficSecond(long atMillis, int requests, Map<String, Long> errorsByStatus, long p50, long p99) {}
}
