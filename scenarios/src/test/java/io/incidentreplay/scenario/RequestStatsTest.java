package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import io.incidentreplay.scenario.internal.measure.RequestRecord;

class RequestStatsTest {

    private final Window fault = new Window("fault", 10_000, 20_000);

    @Test
    void countsOnlyRequestsStartedInTheWindowAndOfTheName() {
        List<RequestRecord> records = List.of(
                new RequestRecord("dashboard", 9_999, 5, 200, false),   // before the window
                new RequestRecord("dashboard", 10_000, 40, 200, true),
                new RequestRecord("dashboard", 15_000, 4_700, 504, false),
                new RequestRecord("pets", 15_000, 12, 200, false),
                new RequestRecord("dashboard", 19_999, 30, 0, false),
                new RequestRecord("dashboard", 20_000, 5, 500, false));  // after: windows are half-open

        RequestStats dashboard = RequestStats.of(records, fault, "dashboard");

        assertThat(dashboard.count()).isEqualTo(3);
        assertThat(dashboard.errors()).isEqualTo(2);
        assertThat(dashboard.errorsByStatus()).containsOnly(
                org.assertj.core.api.Assertions.entry("504", 1L),
                org.assertj.core.api.Assertions.entry("no-response", 1L));
        assertThat(dashboard.errorPercent()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dashboard.serverErrorPercent()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dashboard.fallbacks()).isEqualTo(1);
        assertThat(dashboard.throughputPerSecond()).isEqualTo(0.3);
        assertThat(dashboard.latency().max()).isEqualTo(4_700);

        assertThat(RequestStats.of(records, fault, RequestStats.ALL).count()).isEqualTo(4);
    }
}
