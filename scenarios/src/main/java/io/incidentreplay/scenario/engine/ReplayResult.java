package io.incidentreplay.scenario.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.incidentreplay.scenario.expect.Finding;
import io.incidentreplay.scenario.measure.RequestStats;
import io.incidentreplay.scenario.measure.Sample;
import io.incidentreplay.scenario.measure.Window;
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
        Resources resources) {

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
