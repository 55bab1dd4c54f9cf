package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureTest {

    private final Timeline timeline = new Timeline();
    private final List<RequestRecord> requests = new ArrayList<>();

    private Observations observations(double timeScale) {
        return new Observations(requests, timeline, Map.of(
                "steady", new Window("steady", 0, 10_000),
                "fault", new Window("fault", 10_000, 20_000),
                Observations.RUN, new Window(Observations.RUN, 0, 20_000)), new TimeScale(timeScale));
    }

    @Test
    void aFailedBudgetSaysWhatWasMeasuredAgainstWhat() {
        for (int i = 0; i < 99; i++) {
            requests.add(new RequestRecord("pets", 10_000 + i, 100, 200, false));
        }
        requests.add(new RequestRecord("pets", 15_000, 31_204, 200, false));
        requests.add(new RequestRecord("pets", 15_001, 31_204, 200, false));

        Finding finding = Expect.p99("fault", "pets").atMost(500).evaluate(observations(1));

        assertThat(finding.met()).isFalse();
        assertThat(finding.measured()).isEqualTo(31_204);
        assertThat(finding.reason()).isEqualTo("fault p99 of pets 31,204 ms > 500 ms");
    }

    @Test
    void p99RiseIsTheRiseOverAnotherPhasesP99AndMeasuresNothingWithoutIt() {
        for (int i = 0; i < 100; i++) {
            requests.add(new RequestRecord("pets", i, 20, 200, false));
            requests.add(new RequestRecord("pets", 10_000 + i, i < 95 ? 30 : 95, 200, false));
        }

        Finding finding = Expect.p99Rise("fault", "pets", "steady").atMost(50).evaluate(observations(1));

        assertThat(finding.measured()).isEqualTo(75);
        assertThat(finding.reason()).isEqualTo("fault p99 of pets above its steady p99 75 ms > 50 ms");
        assertThat(Expect.p99Rise("fault", "dashboard", "steady").atMost(50).evaluate(observations(1)).reason())
                .contains("nothing was measured");
    }

    @Test
    void aSumAddsEverySourcesSamplesInThePhaseAndMeasuresNothingWithoutOne() {
        timeline.add(new Sample(12_000, "replace.inFlight", "candidate-0", 4));
        timeline.add(new Sample(15_000, "replace.inFlight", "candidate-1", 3));
        timeline.add(new Sample(5_000, "replace.inFlight", "candidate-2", 9)); // steady: not the fault's
        timeline.add(new Sample(12_000, "replace.exit.ms", "candidate-0", 800));

        Finding finding = Expect.seriesSum("replace.inFlight", "fault").atLeast(4).evaluate(observations(1));

        assertThat(finding.measured()).isEqualTo(7);
        assertThat(finding.reason()).isEqualTo("fault sum of replace.inFlight 7 >= 4");
        assertThat(Expect.seriesSum("replace.notReady.ms", "fault").atLeast(1).evaluate(observations(1)).reason())
                .contains("nothing was measured");
    }

    @Test
    void openBreakersCountsOpenOnesNotHalfOpenOnes() {
        timeline.add(new Sample(12_000, "instance.up", "candidate-0", 1));
        timeline.add(new Sample(12_000, "breaker.weather.halfOpen", "candidate-0", 1));
        timeline.add(new Sample(12_000, "breaker.weather.open", "candidate-0", 0));

        assertThat(Expect.openBreakers("fault").atMost(0).evaluate(observations(1)).measured()).as("half-open is not open").isEqualTo(0);
        timeline.add(new Sample(13_000, "breaker.database.open", "candidate-0", 1));
        assertThat(Expect.openBreakers("fault").atMost(0).evaluate(observations(1)).measured()).isEqualTo(1);
        assertThat(Expect.openBreakers("steady").atMost(0).evaluate(observations(1)).reason()).contains("nothing was measured");
    }

    @Test
    void aMetBoundSaysSoToo() {
        requests.add(new RequestRecord("pets", 1_000, 40, 200, false));

        Finding finding = Expect.errorPercent("steady", "pets").atMost(0.1).evaluate(observations(1));

        assertThat(finding.met()).isTrue();
        assertThat(finding.reason()).isEqualTo("steady errors of pets 0% <= 0.10%");
    }

    @Test
    void noRequestsInThePhaseNeverMeetABudget() {
        Finding finding = Expect.errorPercent("fault", "pets").atMost(0.1).evaluate(observations(1));

        assertThat(finding.met()).isFalse();
        assertThat(finding.reason()).contains("nothing was measured");
    }

    @Test
    void scaledBoundsShrinkWithTheTimeScale() {
        timeline.add(new Sample(10_000, "breaker.open", "i1", 0));
        timeline.add(new Sample(11_500, "breaker.open", "i1", 1));
        Expectation openWithin10s = Expect.millisUntil("breaker.open", Aggregation.MAX, "fault", "= 1", v -> v >= 1)
                .atMostScaled(Duration.ofSeconds(10));

        assertThat(openWithin10s.evaluate(observations(1)).met()).isTrue();
        Finding compressed = openWithin10s.evaluate(observations(0.1));
        assertThat(compressed.met()).isFalse();
        assertThat(compressed.reason())
                .isEqualTo("time from fault start until breaker.open = 1 1,500 ms > 1,000 ms (10,000 ms incident time)");
    }

    @Test
    void somethingThatNeverHappenedFailsAnUpperBoundWithNever() {
        timeline.add(new Sample(12_000, "breaker.open", "i1", 0));

        Finding finding = Expect.millisUntil("breaker.open", Aggregation.MAX, "fault", "= 1", v -> v >= 1)
                .atMost(10_000).evaluate(observations(1));

        assertThat(finding.met()).isFalse();
        assertThat(finding.reason()).contains("never ms > 10,000 ms");
    }

    @Test
    void p99WhileCountsOnlyRequestsBetweenTwoRoundsThatBothHeldTheCondition() {
        // breaker open on both instances at 11,000 and 11,500; half-open (0 on i2) at 12,000; open again at 12,500
        double[][] rounds = {{10_500, 0, 0}, {11_000, 1, 1}, {11_500, 1, 1}, {12_000, 1, 0}, {12_500, 1, 1}};
        for (double[] r : rounds) {
            timeline.add(new Sample((long) r[0], "breaker.weather.open", "i1", r[1]));
            timeline.add(new Sample((long) r[0], "breaker.weather.open", "i2", r[2]));
        }
        requests.add(new RequestRecord("dashboard", 10_600, 500, 200, true));  // before it opened: timeout
        requests.add(new RequestRecord("dashboard", 11_100, 4, 200, true));    // open: fast fallback
        requests.add(new RequestRecord("dashboard", 11_900, 500, 200, true));  // half-open trial: excluded

        Finding finding = Expect.p99While("fault", "dashboard", "breaker.weather.open", Aggregation.MIN,
                "all weather breakers open", v -> v >= 1).atMost(100).evaluate(observations(0.1));

        assertThat(finding.met()).isTrue();
        assertThat(finding.measured()).isEqualTo(4);
    }

    @Test
    void aFindingCarriesItsLimitAndMarginAndATightOneIsThin() {
        for (int i = 0; i < 100; i++) {
            requests.add(new RequestRecord("dashboard", 10_000 + i, i >= 98 ? 640 : 20, 200, false));
        }

        Finding tight = Expect.p99("fault", "dashboard").atMost(700).evaluate(observations(1));
        Finding wide = Expect.p99("fault", "dashboard").atMost(2_000).evaluate(observations(1));

        assertThat(tight.limit()).isEqualTo(700);
        assertThat(tight.margin()).isCloseTo(60.0 / 700, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(tight.thin()).isTrue();
        assertThat(tight.marginText()).isEqualTo("margin 9%");
        assertThat(wide.thin()).isFalse();
    }

    @Test
    void aValueAtTheMeasuresBoundIsNeverThin() {
        timeline.add(new Sample(11_000, "lb.healthy", "lb", 4));
        timeline.add(new Sample(12_000, "lb.healthy", "lb", 4));

        Finding allHealthy = Expect.seriesMin("lb.healthy", Aggregation.SUM, "fault").outOf(4).atLeast(4).evaluate(observations(1));
        Finding withoutItsBound = Expect.seriesMin("lb.healthy", Aggregation.SUM, "fault").atLeast(4).evaluate(observations(1));

        assertThat(allHealthy.met()).isTrue();
        assertThat(allHealthy.atBound()).isTrue();
        assertThat(allHealthy.thin()).isFalse();
        assertThat(withoutItsBound.thin()).as("4 >= 4 with nothing to say 4 is the most").isTrue();
    }

    @Test
    void anExpectationReadsTheSameMeasureOverAnotherPhase() {
        requests.add(new RequestRecord("pets", 1_000, 10, 503, false));
        requests.add(new RequestRecord("pets", 11_000, 10, 200, false));
        Expectation errors = Expect.errorPercent("fault", "pets").atMost(0.1);

        assertThat(errors.evaluate(observations(1)).met()).isTrue();
        Finding inSteady = errors.inPhase("steady").evaluate(observations(1));
        assertThat(inSteady.met()).isFalse();
        assertThat(inSteady.reason()).isEqualTo("steady errors of pets 100% > 0.10%");
        assertThat(errors.inPhase("steady").phase()).hasValue("steady");
        assertThat(errors.request()).hasValue("pets");
    }
}
