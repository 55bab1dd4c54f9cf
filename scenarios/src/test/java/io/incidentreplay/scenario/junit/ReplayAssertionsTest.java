package io.incidentreplay.scenario.junit;

import static io.incidentreplay.scenario.junit.ReplayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.scenario.Replay;
import io.incidentreplay.scenario.Replays;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.Verdict;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each assertion over a replay, passing on what was observed and failing with the reason a report
 * would give. The replay: steady 0–10 s, fault 10–20 s on two instances; during the fault the
 * products slow down to 900 ms, one answer is a 503, one gets none, the pool queues 4 threads, the
 * payments breaker opens 1.5 s in and closes 8 s in, one target goes unhealthy and readiness drops
 * on one instance; one instance's 199 request threads are busy with 35 requests waiting, and the
 * payments bulkhead holds 10 calls on each.
 */
class ReplayAssertionsTest {

    private static final Path REPORT_DIRECTORY = Path.of("target", "replays", "slow-payments", "candidate");

    private final Replay replay = replay();

    @Test
    void theVerdictFailsWithEveryReasonAndTheReport() {
        assertThatCode(() -> assertThat(replay).hasVerdict(Verdict.FAIL)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(replay).passed())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected PASS but the replay was FAIL")
                .hasMessageContaining("- fault p99 of products 900 ms > 250 ms")
                .hasMessageContaining("report: " + REPORT_DIRECTORY.resolve("report.html"));
    }

    @Test
    void latencyIsBoundedPerPhaseAndRequest() {
        assertThat(replay).inPhase("steady").request("products").p99().isAtMost(Duration.ofMillis(250));
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").request("products").p99().isAtMost(Duration.ofMillis(250)))
                .hasMessageStartingWith("fault p99 of products 900 ms > 250 ms")
                .hasMessageContaining("report.html");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").request("products").p50().isAtMost(100))
                .hasMessageStartingWith("fault p50 of products 900 ms > 100 ms");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").allRequests().maxLatency().isAtMost(Duration.ofMillis(500)))
                .hasMessageStartingWith("fault max latency of all 900 ms > 500 ms");
    }

    @Test
    void boundsInIncidentTimeFollowTheTimeScale() {
        // at scale 0.1 a 5 s incident-time bound is 500 ms
        Replay compressed = replay(new TimeScale(0.1));
        assertThatThrownBy(() -> assertThat(compressed).inPhase("fault").request("products").p99()
                .isAtMostInIncidentTime(Duration.ofSeconds(5)))
                .hasMessageStartingWith("fault p99 of products 900 ms > 500 ms (5,000 ms incident time)");
        assertThat(compressed).inPhase("fault").request("products").p99().isAtLeastInIncidentTime(Duration.ofSeconds(5));
    }

    @Test
    void errorsAreCountedByStatus() {
        assertThat(replay).inPhase("steady").allRequests().hadNoErrors();
        assertThat(replay).inPhase("fault").request("products").answeredWith(503).isAtMost(1);
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").request("products").answeredWith(503).isAtMost(0))
                .hasMessageStartingWith("fault 503 answers to products 1 > 0");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").request("products").withoutAnswer().isAtMost(0))
                .hasMessageStartingWith("fault no-response answers to products 1 > 0");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").request("products").hadNoErrors())
                .hasMessageStartingWith("fault errors of products 20% > 0%");
    }

    @Test
    void thePoolIsNeverSaturatedOrSaysHowMuchItQueued() {
        assertThat(replay).inPhase("steady").pool().neverSaturated();
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").pool().neverSaturated())
                .hasMessageStartingWith("fault max pool.pending 4 > 0");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").pool().timeouts().isAtMost(0))
                .hasMessageStartingWith("fault increase of pool.timeouts 3 > 0");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").pool().drainsWithin(Duration.ofSeconds(1)))
                .hasMessageStartingWith("time from fault start until pool.pending = 0")
                .hasMessageContaining("never");
        assertThat(replay).inPhase("fault").pool().active().isAtMost(10);
    }

    @Test
    void workersAndBulkheadsSayHowMuchTheSlowDependencyHeld() {
        assertThat(replay).inPhase("steady").threads().neverExhausted();
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").threads().neverExhausted())
                .hasMessageStartingWith("fault max threads.queued 35 > 0");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").threads().busy().isAtMost(100))
                .as("the busiest instance, not the sum").hasMessageStartingWith("fault max threads.busy 199 > 100");
        assertThat(replay).inPhase("fault").bulkheadCalls("payments").isAtMost(10);
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").bulkheadCalls("weather").isAtMost(25))
                .as("a build without that bulkhead").hasMessageContaining("nothing was measured");
        assertThat(replay).inPhase("steady").request("products").p99RiseFrom("steady").isAtMost(0);
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").request("products").p99RiseFrom("steady")
                .isAtMost(Duration.ofMillis(50)))
                .hasMessageStartingWith("fault p99 of products above its steady p99 860 ms > 50 ms");
    }

    @Test
    void theBreakerOpensWithinItsBudgetAndClosesAgain() {
        assertThat(replay).inPhase("fault").breaker("payments").opensWithin(Duration.ofSeconds(2));
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").breaker("payments").opensWithin(Duration.ofSeconds(1)))
                .hasMessageStartingWith("time from fault start until breaker.payments.open = 1 on any instance 1,500 ms > 1,000 ms");
        assertThat(replay).inPhase("steady").breaker("payments").staysClosed();
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").breaker("payments").staysClosed())
                .hasMessageStartingWith("fault max breaker.payments.open 1 > 0");
        assertThat(replay).inPhase("recovery").breaker("payments").closesWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> assertThat(replay).inPhase("recovery").breaker("payments").closesWithin(Duration.ofSeconds(2)))
                .hasMessageStartingWith("time from recovery start until breaker.payments.open = 0 on every instance 3,000 ms > 2,000 ms");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").breaker("weather").opensWithin(Duration.ofSeconds(5)))
                .hasMessageContaining("breaker.weather.open");
        // one call, the half-open trial at 14 s, reached payments while the breaker was open everywhere
        assertThat(replay).inPhase("fault").breaker("payments").callsWhileOpen("payments").isAtMost(1);
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").breaker("payments").callsWhileOpen("payments").isAtMost(0))
                .hasMessageStartingWith("fault increase of dependency.payments.requests while breaker.payments.open = 1 on every instance 1 > 0");
        assertThatThrownBy(() -> assertThat(replay).inPhase("steady").breaker("payments").callsWhileOpen("payments").isAtMost(0))
                .as("a breaker that never opened is not one that kept every call away")
                .hasMessageContaining("nothing was measured");
    }

    @Test
    void healthSaysWhichTargetsAndEndpointsHeld() {
        assertThat(replay).inPhase("steady").health().healthyTargets().isAtLeast(2);
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").health().healthyTargets().isAtLeast(2))
                .hasMessageStartingWith("fault min lb.healthy 1 < 2");
        assertThat(replay).inTheWholeRun().health().livenessStayedUp();
        assertThat(replay).inPhase("fault").health().readinessWentDown();
        assertThatThrownBy(() -> assertThat(replay).inPhase("steady").health().readinessWentDown())
                .hasMessageStartingWith("steady min health.readiness.ok 1 >= 1");
        assertThatThrownBy(() -> assertThat(replay).inPhase("fault").health().readinessCameBackWithin(Duration.ofSeconds(1)))
                .hasMessageStartingWith("time from fault start until health.readiness.ok = 1 on every instance");
    }

    @Test
    void aPhaseTheReplayNeverHadFailsWithThePhasesItHad() {
        assertThatThrownBy(() -> assertThat(replay).inPhase("faults").request("products").p99().isAtMost(250))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no phase named 'faults'; phases are [steady, fault, recovery, run]");
    }

    private static Replay replay() {
        return replay(TimeScale.REAL_TIME);
    }

    private static Replay replay(TimeScale scale) {
        List<RequestRecord> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(new RequestRecord("products", 1_000 * i, 40, 200, false));
        }
        for (int i = 0; i < 8; i++) {
            requests.add(new RequestRecord("products", 10_000 + 1_000 * i, 900, 200, false));
        }
        requests.add(new RequestRecord("products", 18_500, 900, 503, false));
        requests.add(new RequestRecord("products", 19_000, 900, RequestRecord.NO_RESPONSE, false));
        Timeline timeline = new Timeline();
        for (long at = 0; at < 20_000; at += 500) {
            boolean fault = at >= 10_000;
            for (String instance : List.of("i1", "i2")) {
                timeline.add(new Sample(at, "pool.active", instance, fault ? 5 : 1));
                timeline.add(new Sample(at, "pool.pending", instance, fault ? 2 : 0));
                timeline.add(new Sample(at, "threads.busy", instance, fault && instance.equals("i1") ? 199 : 4));
                timeline.add(new Sample(at, "threads.queued", instance, fault && instance.equals("i1") ? 35 : 0));
                timeline.add(new Sample(at, "bulkhead.payments.calls", instance, fault ? 10 : 1));
                timeline.add(new Sample(at, "pool.timeouts", instance, fault && instance.equals("i1") ? (at - 10_000) / 3_000 : 0));
                timeline.add(new Sample(at, "breaker.payments.open", instance, at >= 11_500 && at < 18_000 ? 1 : 0));
                timeline.add(new Sample(at, "health.liveness.ok", instance, 1));
                timeline.add(new Sample(at, "health.readiness.ok", instance, fault && instance.equals("i2") ? 0 : 1));
            }
            timeline.add(new Sample(at, "lb.healthy", "lb", at >= 14_000 ? 1 : 2));
            // five calls a round until the breaker opens, then only the half-open trial at 14 s
            long calls = at < 11_500 ? at / 100 : 115 + (at > 14_000 ? 1 : 0);
            timeline.add(new Sample(at, "dependency.payments.requests", "payments", calls));
        }
        Map<String, Window> phases = new LinkedHashMap<>();
        phases.put("steady", new Window("steady", 0, 10_000));
        phases.put("fault", new Window("fault", 10_000, 20_000));
        phases.put("recovery", new Window("recovery", 15_000, 20_000)); // the fault's last 5 s, for the breaker's closing
        phases.put(Observations.RUN, new Window(Observations.RUN, 0, 20_000));
        Observations observations = new Observations(requests, timeline, phases, scale);
        return Replays.of(Verdict.FAIL, List.of("fault p99 of products 900 ms > 250 ms"), observations, REPORT_DIRECTORY);
    }
}
