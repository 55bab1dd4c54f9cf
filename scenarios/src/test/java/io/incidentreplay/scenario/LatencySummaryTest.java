package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRankOnTheExactValues() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
        // shuffle-independent: the summary sorts a copy
        long[] reversed = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

        LatencySummary summary = LatencySummary.of(reversed);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(95);
        assertThat(summary.p99()).isEqualTo(99);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(LatencySummary.of(oneToHundred)).isEqualTo(summary);
    }

    @Test
    void oneSlowRequestInAHundredIsTheP99NotAnAverage() {
        long[] latencies = LongStream.concat(LongStream.generate(() -> 10).limit(98), LongStream.of(31_204, 40_000)).toArray();

        assertThat(LatencySummary.of(latencies).p99()).isEqualTo(31_204);
    }

    @Test
    void noRequestsGiveTheEmptySummary() {
        assertThat(LatencySummary.of(new long[0])).isEqualTo(LatencySummary.EMPTY);
    }
}
