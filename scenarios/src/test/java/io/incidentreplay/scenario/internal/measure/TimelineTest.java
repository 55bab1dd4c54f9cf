package io.incidentreplay.scenario.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import org.junit.jupiter.api.Test;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.Window;

class TimelineTest {

    private final Timeline timeline = new Timeline();
    private final Window all = new Window("run", 0, 10_000);

    private void pending(long at, double i1, double i2) {
        timeline.add(new Sample(at, "pool.pending", "i1", i1));
        timeline.add(new Sample(at, "pool.pending", "i2", i2));
    }

    @Test
    void aggregatesTheSourcesOfEachRound() {
        pending(1_000, 3, 4);
        pending(1_500, 10, 2);

        assertThat(timeline.max("pool.pending", Aggregation.SUM, all)).isEqualTo(12);
        assertThat(timeline.max("pool.pending", Aggregation.MAX, all)).isEqualTo(10);
        assertThat(timeline.min("pool.pending", Aggregation.MIN, all)).isEqualTo(2);
        assertThat(timeline.max("pool.active", Aggregation.SUM, all)).isNaN();
    }

    @Test
    void aRoundInWhichAnInstanceDidNotAnswerIsAGapInTheSumNotASmallerSum() {
        pending(1_000, 30, 30);
        timeline.add(new Sample(1_500, "pool.pending", "i1", 30)); // i2's scrape timed out
        pending(2_000, 30, 30);

        assertThat(timeline.points("pool.pending", Aggregation.SUM, all)).extracting(Timeline.Point::atMillis)
                .containsExactly(1_000L, 2_000L);
        assertThat(timeline.min("pool.pending", Aggregation.SUM, all)).isEqualTo(60);
        assertThat(timeline.gaps("pool.pending", all)).isEqualTo(1);
        assertThat(timeline.max("pool.pending", Aggregation.MAX, all)).as("a real reading stays a real reading").isEqualTo(30);
    }

    @Test
    void percentOfRoundsCountsTheMatchingShareOfCompleteRounds() {
        pending(1_000, 11, 0);
        pending(1_500, 12, 0);
        pending(2_000, 1, 0);   // one low round costs one round's share, not the whole stretch
        pending(2_500, 20, 0);
        timeline.add(new Sample(3_000, "pool.pending", "i1", 0)); // a gap: not counted either way

        assertThat(timeline.percentOfRounds("pool.pending", Aggregation.SUM, all, v -> v > 10)).isEqualTo(75);
        assertThat(timeline.percentOfRounds("pool.active", Aggregation.SUM, all, v -> v > 10)).isNaN();
    }

    @Test
    void percentOfReadingsCountsEverySourceOfEveryRound() {
        for (int round = 0; round < 50; round++) {
            timeline.add(new Sample(1_000 + round * 100, "health.liveness.ok", "i1", 1));
            timeline.add(new Sample(1_000 + round * 100, "health.liveness.ok", "i2", round == 7 ? 0 : 1));
        }

        assertThat(timeline.percentOfReadings("health.liveness.ok", all, v -> v >= 1)).isEqualTo(99);
    }

    @Test
    void firstAtFindsTheFirstMatchingRoundInTheWindow() {
        pending(1_000, 0, 0);
        pending(4_000, 1, 0);
        pending(6_000, 1, 1);

        assertThat(timeline.firstAt("pool.pending", Aggregation.SUM, new Window("fault", 5_000, 9_000), v -> v >= 1))
                .hasValue(6_000);
        assertThat(timeline.firstAt("pool.pending", Aggregation.SUM, all, v -> v >= 1)).hasValue(4_000);
    }
}
