package io.incidentreplay.scenario.incidents;

import static io.incidentreplay.scenario.measure.Timeline.Aggregation.MAX;
import static io.incidentreplay.scenario.measure.Timeline.Aggregation.MIN;
import static io.incidentreplay.scenario.measure.Timeline.Aggregation.SUM;

import io.incidentreplay.scenario.expect.Expect;
import io.incidentreplay.scenario.incident.Control;
import io.incidentreplay.scenario.incident.Fault;
import io.incidentreplay.scenario.incident.Incident;
import io.incidentreplay.scenario.incident.LoadProfile;
import io.incidentreplay.scenario.incident.Phase;
import io.incidentreplay.scenario.incident.RequestSpec;
import io.incidentreplay.scenario.incident.TimeScale;
import io.incidentreplay.scenario.incident.ToxicSpec;
import io.incidentreplay.scenario.measure.Observations;
import io.incidentreplay.scenario.measure.RequestStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * WS1 part 4, the database circuit breaker (seed 000 lines 457–496, 630–632, 762–770;
 * incidents.md A3). The database stops answering; without a breaker every request waits out the
 * 30 s pool acquire timeout, the pool saturates and the health check fails everywhere. With the fix,
 * the breaker opens, requests fail fast with 503, readiness says not-ready while liveness stays up,
 * and once the database is back every acknowledged write is still there.
 *
 * <p>Scaled to one machine (our choices where the seed gives none):
 * <ul>
 *   <li>3 instances, 40 req/s: dashboard and pets reads, and one write in five
 *       ({@code POST /api/v1/pets/{id}/tasks}) whose acknowledgements are counted against the rows.
 *   <li>The fault is a Toxiproxy {@code timeout} toxic of 5 s on the {@code postgres} proxy: data
 *       stops flowing and each connection is cut after 5 s (0.5 s at the default scale), as a
 *       database that hangs and then drops its clients. A {@code timeout=0} stall would be noticed
 *       only by the driver's socket timeout, which counts whole seconds and cannot be compressed.
 *   <li>Load balancer as an ALB's defaults except the seed's health-check settings; the baseline's
 *       health check hits {@code /} (the dashboard, which reads the database), the candidate's
 *       {@code /health/readiness}.
 *   <li>Phases 100 s warm-up (not judged), 60 s steady, 90 s fault, 40 s recovery (the breaker's
 *       30 s open state and a half-open trial; not judged), 60 s after; 35 s at the default time
 *       scale 0.1. Errors are judged only after the recovery: a request in flight when the database
 *       stalls fails whatever the build does, so the steady phase's last requests are no signal. Valid under compression: the {@code mvp} dataset makes every query trivial, so
 *       only timers matter, and all of them are scaled.
 *   <li>The steady phase is the control window: every target healthy, ≤ 0.1% errors, p99 ≤ 250 ms and
 *       no breaker open before the stall, or the stall is not applied (INVALID).
 *   <li>Liveness "stays up" when at least 99% of its probes (every instance, four a second, each
 *       with the health check's scaled 5 s timeout) answer 2xx: an orchestrator restarts a container
 *       after consecutive failures, not after one slow answer. The earlier "every probe answered"
 *       failed a healthy candidate once in five gates on a single 200 ms probe timeout.
 * </ul>
 */
final class DatabaseStall {

    static final int INSTANCES = 3;
    static final String WRITE_TITLE = "replay-write";

    private DatabaseStall() {}

    static Incident incident() {
        LoadProfile load = new LoadProfile(
                List.of(new Phase("warm-up", Duration.ofSeconds(100), 40),
                        new Phase("steady", Duration.ofSeconds(60), 40),
                        new Phase("fault", Duration.ofSeconds(90), 40),
                        new Phase("recovery", Duration.ofSeconds(40), 40),
                        new Phase("after", Duration.ofSeconds(60), 40)),
                List.of(RequestSpec.get("dashboard", 2, "/api/v1/dashboard"),
                        RequestSpec.get("pets", 2, "/api/v1/pets?page=1&limit=20"),
                        RequestSpec.post("task", 1, "/api/v1/pets/#{petId}/tasks", "{\"title\":\"" + WRITE_TITLE + "\"}")));
        return Incident.builder("database-stall")
                .about("Database stall: without a breaker every request waits out the pool timeout",
                        "shared/seeds/000_2f4b318fcc7a1db3.txt lines 457-496, 630-632, 762-770 (WS1 part 4); docs incidents.md A3",
                        "When the database stopped answering, every request held a thread for the 30-second connection "
                                + "acquire timeout, the pool saturated and the load balancer's health checks failed on every "
                                + "instance. The fix is a circuit breaker that fails fast with 503, a readiness check that "
                                + "reports the outage while liveness stays up, and writes that are never acknowledged unless "
                                + "committed.")
                .dataset("mvp")
                .topologies(PetForce.topology(INSTANCES, "/", 2, Duration.ofSeconds(60), PetForce.BEFORE),
                        PetForce.topology(INSTANCES, "/health/readiness", 3, Duration.ofSeconds(60), PetForce.AFTER))
                .load(load)
                .faults(Fault.toxic("postgres", ToxicSpec.timeout(5_000), "fault"))
                .steadyState(PetForce.steadyState("steady", INSTANCES, 250))
                .control(Control.window("steady"))
                .signature(
                        Expect.seriesMax("pool.pending", SUM, "fault").above(10),
                        Expect.seriesMin("lb.healthy", SUM, "fault").below(1),
                        // two thirds of the 30 s acquire timeout, which the p99 waits out and cannot exceed
                        Expect.p99("fault", RequestStats.ALL).atLeastScaled(Duration.ofSeconds(20)))
                .budgets(
                        Expect.millisUntil("breaker.database.open", MAX, "fault", "= 1 on any instance", v -> v >= 1)
                                .atMostScaled(Duration.ofSeconds(20)),
                        Expect.p99While("fault", RequestStats.ALL, "breaker.database.open", MIN,
                                "every database breaker is open", v -> v >= 1).atMost(100),
                        Expect.seriesMin("health.readiness.ok", MAX, "fault").below(1),
                        // an orchestrator restarts after consecutive failures, never on one slow probe
                        Expect.percentOk("health.liveness.ok", Observations.RUN).atLeast(99),
                        Expect.errorPercent("after", RequestStats.ALL).atMost(0.1),
                        Expect.lostWrites("task", "db.tasks.replay_writes").atMost(0))
                .compressible(new TimeScale(0.1))
                .healthEndpoints(Map.of("readiness", "/health/readiness", "liveness", "/health/liveness"))
                .finalQueries(Map.of("db.tasks.replay_writes", "SELECT count(*) FROM tasks WHERE title = '" + WRITE_TITLE + "'"))
                .build();
    }
}
