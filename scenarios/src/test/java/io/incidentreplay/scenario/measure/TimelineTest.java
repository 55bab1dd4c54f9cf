package io.incidentreplay.scenario.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.measure.Timeline.Aggregation;
import org.junit.jupiter.api.Test;

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
    void longestRunIsTheSpanOfConsecutiveMatchingRounds() {
        pending(1_000, 11, 0);
        pending(1_500, 12, 0);
        pending(2_000, 1, 0);   // breaks the run
        pending(2_500, 20, 0);
        pending(3_000, 20, 0);
        pending(3_500, 20, 0);

        assertThat(timeline.longestRunMillis("pool.pending", Aggregation.SUM, all, v -> v > 10)).isEqualTo(1_000);
        assertThat(timeline.longestRunMillis("pool.pending", Aggregation.SUM, all, v -> v > 100)).isEqualTo(-1);
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
