package io.incidentreplay.scenario.incidents;

import static io.incidentreplay.scenario.measure.Timeline.Aggregation.MAX;
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

/**
 * WS1, "the great outage" (seed 000 lines 30–846; incidents.md A1). {@code GET /api/v1/pets} was
 * written for the MVP's 20 pets: no pagination, four eager joins. At 250k pets every call held a
 * pooled connection for tens of seconds, the pools and the database's 100 connections filled, and
 * everything else waited out the 30 s acquire timeout: p99 28–47 s, 94% errors. The fix pages the
 * list (20 per page, the caller's pets only), shrinks the pool to 20 and bounds every statement.
 *
 * <p>Scaled to one machine (our choices where the seed gives none):
 * <ul>
 *   <li>The {@code production} dataset (250,000 pets, about 1.5M joined rows): the data volume is the
 *       fault, so the replay counts the live pets first and is INVALID below 200,000.
 *   <li>2 instances (the seed ran 1,200 req/s on several; incidents.md suggests 1–2 here) at
 *       100 req/s, one request in five the pet list ({@code ?page=1&limit=20}, which the incident-era
 *       build ignores, as its clients' parameters were), the rest the dashboard.
 *   <li>The database was saturated (RDS CPU 89%, disk IOPS 98%): the unbounded query ran 30 s and
 *       more while the application waited. On 2 cores a hundred full-speed streams of 270 MB would
 *       starve the harness itself instead (measured: connections open at one a second, probes time
 *       out), so a Toxiproxy {@code bandwidth} toxic of 100 KB/s per connection on the {@code postgres}
 *       proxy, for the whole run, stands in for the saturated disks (incidents.md A1 suggests a latency
 *       toxic for the same reason): the list holds its connection for minutes, as in the seed, while
 *       the candidate's small pages and the dashboard's queries pay a few milliseconds.
 *   <li>PostgreSQL's {@code max_connections} 100 is the "100/100" of the seed (incidents.md G): two
 *       pools of 100 cannot both fill, so the signature reads the database's side.
 *   <li>ALB defaults (60 s idle timeout) and the seed's health checks, on {@code /} (the dashboard,
 *       which needs the database) for the baseline and {@code /health/readiness} for the candidate.
 *   <li>Phases 200 s warm-up at half the rate (not judged: freshly started JVMs compile their hot
 *       paths, and at full rate from cold the candidate's first seconds queue) and 300 s steady: 50 s
 *       at the default time scale 0.1.
 *       Valid under compression: the pet list's cost is real work on real data and is never scaled;
 *       compressing the 30 s acquire timeout only makes the baseline fail sooner, and the candidate's
 *       10 s statement timeout (1 s) and the "no query over 10 s" budget tighten with it.
 *   <li>The fault is there from the start, so no window of the same replay can be the control: the
 *       control is a second replay of the baseline with the same load, topology and bandwidth toxic on
 *       the {@code mvp} dataset (20 pets). Its steady phase must be steady (healthy targets, ≤ 0.1%
 *       errors, p99 ≤ 2 s: the toxic makes its 20-pet list take ~0.5 s, no breaker open) and show no
 *       part of the signature: then the data volume,
 *       and nothing else, exhausted the pools.
 *   <li>The signature reads shares of the steady phase's sampling rounds: the database at ≥ 80 of its
 *       100 connections (it sits at 99; one gate in five once peaked at 88, below the earlier 90), and
 *       more than 10 requests waiting for a pooled connection, each in at least half of the rounds
 *       (both measure 100%). The earlier "longest unbroken stretch of pending > 10" broke on one
 *       missed scrape and measured 5.2–28 s against 6 s.
 *   <li>The instances are warmed without the pet list: on the production dataset it is the fault.
 * </ul>
 */
final class PoolExhaustion {

    static final int INSTANCES = 2;
    /** The saturated database's pace per connection (see the class comment). */
    static final long DATABASE_KB_PER_SECOND = 100;
    /** Below this, the unbounded list is cheap and the replay would test nothing. */
    static final long LIVE_PETS_AT_LEAST = 200_000;

    private PoolExhaustion() {}

    static Incident incident() {
        LoadProfile load = new LoadProfile(
                List.of(new Phase("warm-up", Duration.ofSeconds(200), 50),
                        new Phase("steady", Duration.ofSeconds(300), 100)),
                List.of(RequestSpec.get("pets", 1, "/api/v1/pets?page=1&limit=20"),
                        RequestSpec.get("dashboard", 4, "/api/v1/dashboard")));
        return Incident.builder("pool-exhaustion")
                .about("The great outage: an unpaginated pet list exhausts the connection pools",
                        "shared/seeds/000_2f4b318fcc7a1db3.txt lines 30-846 (WS1); docs incidents.md A1",
                        "GET /api/v1/pets returned every pet with four eager joins; built for 20 test pets, it met "
                                + "247,892. Each call held a database connection for tens of seconds, the pools and the "
                                + "database's 100 connections filled, and every other request waited out the 30 s acquire "
                                + "timeout: p99 28-47 s, 94% errors, 2 h 37 min down. The fix: 20 pets per page, only the "
                                + "caller's, a pool of 20 and a 10 s statement timeout.")
                .dataset("production")
                .topologies(PetForce.topology(INSTANCES, "/", 2, Duration.ofSeconds(60), PetForce.BEFORE),
                        PetForce.topology(INSTANCES, "/health/readiness", 3, Duration.ofSeconds(60), PetForce.AFTER))
                .load(load)
                .faults(Fault.dataVolume("live pets", "SELECT count(*) FROM pets WHERE deleted_at IS NULL", LIVE_PETS_AT_LEAST),
                        Fault.toxic("postgres", ToxicSpec.bandwidth(DATABASE_KB_PER_SECOND), Observations.RUN))
                // the bandwidth toxic makes even the 20-pet list of the control take ~0.5 s (517-518 ms)
                .steadyState(PetForce.steadyState("steady", INSTANCES, 2_000))
                .control(Control.replay("mvp", "steady"))
                .warmUpSkips("pets")
                .signature(
                        // the seed's "connections 100/100": the database at its limit (the probe holds one)
                        Expect.percentOfTime("db.connections", MAX, "steady", ">= 80", v -> v >= 80).atLeast(50),
                        Expect.percentOfTime("pool.pending", SUM, "steady", "> 10", v -> v > 10).atLeast(50),
                        Expect.errorPercent("steady", RequestStats.ALL).atLeast(25),
                        // two thirds of the 30 s acquire timeout
                        Expect.p99("steady", RequestStats.ALL).atLeastScaled(Duration.ofSeconds(20)))
                .budgets(
                        Expect.p99("steady", "pets").atMost(500),
                        Expect.p99("steady", RequestStats.ALL).atMost(500),
                        Expect.errorPercent("steady", RequestStats.ALL).atMost(0.1),
                        Expect.seriesMax("pool.pending", MAX, "steady").atMost(10),
                        // the seed's alert: active at most 80% of the pool of 20 on every instance
                        Expect.seriesMax("pool.active", MAX, "steady").atMost(16),
                        Expect.seriesMax("db.longest_active_ms", MAX, "steady").atMostScaled(Duration.ofSeconds(10)),
                        Expect.seriesMin("instance.alive", SUM, Observations.RUN).outOf(INSTANCES).atLeast(INSTANCES))
                .compressible(new TimeScale(0.1))
                .build();
    }
}
