package io.incidentreplay.scenario.incidents;

import static io.incidentreplay.scenario.measure.Timeline.Aggregation.MAX;
import static io.incidentreplay.scenario.measure.Timeline.Aggregation.MIN;
import static io.incidentreplay.scenario.measure.Timeline.Aggregation.SUM;

import io.incidentreplay.scenario.expect.Expect;
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
 * WS3, "load balancer timeout hell" (seed 000 lines 1729–2626; incidents.md A2). The weather API
 * stalls for 47,283 ms; the dashboard waits for it with no timeout; the ALB health check hits the
 * dashboard through {@code /}, times out, and marks the targets unhealthy one after another.
 *
 * <p>Scaled to one machine (every choice is ours where the seed gives none):
 * <ul>
 *   <li>4 instances instead of 12 (the minimum), 60 req/s instead of 1,200 (100 per target
 *       in the seed would saturate 2 cores before the fault).
 *   <li>Three quarters of the traffic is the dashboard: with the ALB failing open, the 5xx share
 *       during the stall is at most the share of requests that touch the weather API, and the seed
 *       saw 67% errors; the signature asks for more than half.
 *   <li>The load balancer's request (idle) timeout is the seed's 30 s ("Request timeout exceeded
 *       (30000ms)"), shorter than the 47 s stall, so stalled dashboards end as 504s.
 *   <li>Health checks as in the issue: every 30 s, 5 s timeout, healthy after 2; unhealthy after 2
 *       on the baseline (immediate fix) and 3 on the candidate (long-term fix); path {@code /} on the
 *       baseline, {@code /health/readiness} on the candidate.
 *   <li>The {@code mvp} dataset (20 pets): the cascade needs no data volume, and on the before build
 *       the pets list is WS1's unbounded query, which at volume would be a second incident.
 *   <li>Phases 100 s warm-up, 60 s steady, 120 s fault, 60 s recovery: at the default time scale 0.1
 *       the replay loads for 34 s. The warm-up is never judged: it lets the JIT and the connection
 *       pools of freshly started instances settle (both are real time, not scaled). Valid under compression: every timer involved (stall, health
 *       checks, breaker window and open time, the build's weather timeout) is a timer the replay
 *       scales, and the database does trivial work here.
 * </ul>
 */
final class WeatherCascade {

    static final int INSTANCES = 4;
    static final long STALL_MILLIS = 47_283;

    private WeatherCascade() {}

    static Incident incident() {
        LoadProfile load = new LoadProfile(
                List.of(new Phase("warm-up", Duration.ofSeconds(100), 60),
                        new Phase("steady", Duration.ofSeconds(60), 60),
                        new Phase("fault", Duration.ofSeconds(120), 60),
                        new Phase("recovery", Duration.ofSeconds(60), 60)),
                List.of(RequestSpec.get("dashboard", 3, "/api/v1/dashboard")
                                .withFallbackMarker("\"(cached|unavailable)\":true"),
                        RequestSpec.get("pets", 1, "/api/v1/pets?page=1&limit=20")));
        return new Incident(
                "weather-cascade",
                "Cascading failures: a stalled weather API takes every target out of the load balancer",
                "shared/seeds/000_2f4b318fcc7a1db3.txt lines 1729-2626 (WS3); docs incidents.md A2",
                "The weather API answered after 47 seconds; the dashboard waited for it with no timeout, and the "
                        + "load balancer's health check hit the dashboard, so 10 of 12 targets went unhealthy and 67% "
                        + "of requests failed for 47 minutes. The fix: a 5 s timeout, a circuit breaker with a cached "
                        + "fallback, and a readiness check that never calls the weather API.",
                "mvp",
                PetForce.topology(INSTANCES, "/", 2, Duration.ofSeconds(30), PetForce.BEFORE),
                PetForce.topology(INSTANCES, "/health/readiness", 3, Duration.ofSeconds(30), PetForce.AFTER),
                load,
                List.of(Fault.toxic("weather-api", ToxicSpec.latency(STALL_MILLIS), "fault")),
                List.of(
                        Expect.seriesMin("lb.healthy", SUM, "fault").below(INSTANCES / 2.0),
                        Expect.serverErrorPercent("fault", RequestStats.ALL).above(50),
                        Expect.p99("fault", "dashboard").atLeastScaled(Duration.ofSeconds(27))),
                List.of(
                        Expect.seriesMin("lb.healthy", SUM, Observations.RUN).atLeast(INSTANCES),
                        Expect.millisUntil("breaker.weather.open", MAX, "fault", "= 1 on any instance", v -> v >= 1)
                                .atMostScaled(Duration.ofSeconds(10)),
                        Expect.fallbackPercent("fault", "dashboard").atLeast(95),
                        // the weather timeout (5 s) plus a margin of 2 s, all incident time
                        Expect.p99("fault", "dashboard").atMostScaled(Duration.ofSeconds(7)),
                        Expect.p99While("fault", "dashboard", "breaker.weather.open", MIN,
                                "every weather breaker is open", v -> v >= 1).atMost(100),
                        Expect.errorPercent("steady", RequestStats.ALL).atMost(0.1),
                        Expect.errorPercent("fault", RequestStats.ALL).atMost(0.1),
                        Expect.errorPercent("recovery", RequestStats.ALL).atMost(0.1)),
                true,
                new TimeScale(0.1),
                Map.of(),
                Map.of());
    }
}
