package io.incidentreplay.scenario.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.fixtures.loadbalancer.AccessLogEntry;
import io.incidentreplay.fixtures.loadbalancer.LbErrorReason;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A simulation of the user's own is recorded from the load balancer's access log, named by the mix. */
class AccessLogRecordsTest {

    private final RequestLog log = new RequestLog();
    private final List<Long> starts = new ArrayList<>();
    private final AccessLogRecords records = new AccessLogRecords(List.of(
            RequestSpec.get("products", 1, "/products?page=0&size=20"),
            RequestSpec.get("order", 1, "/orders/#{orderId}"),
            RequestSpec.get("order-items", 1, "/orders/#{orderId}/items"),
            RequestSpec.post("checkout", 1, "/orders", "{}"),
            RequestSpec.get("search", 1, "/search")), log, starts::add);

    private static AccessLogEntry entry(long at, String method, String path, int status, long millis) {
        return new AccessLogEntry(Instant.ofEpochMilli(at), method, path, null, status, Duration.ofMillis(millis),
                status == 504 ? LbErrorReason.TARGET_TIMEOUT : null);
    }

    @Test
    void eachRequestIsNamedByTheFirstRequestOfTheMixWithItsMethodAndPath() {
        records.onRequest(entry(1_000, "GET", "/orders/17", 200, 12));
        records.onRequest(entry(1_001, "GET", "/orders/17/items", 200, 8));
        records.onRequest(entry(1_002, "POST", "/orders", 201, 30));
        records.onRequest(entry(1_003, "GET", "/products?page=0&size=20", 504, 2_000));
        records.onRequest(entry(1_004, "GET", "/search?q=cat", 200, 5));

        assertThat(log.records()).containsExactly(
                new RequestRecord("order", 1_000, 12, 200, false),
                new RequestRecord("order-items", 1_001, 8, 200, false),
                new RequestRecord("checkout", 1_002, 30, 201, false),
                new RequestRecord("products", 1_003, 2_000, 504, false),
                new RequestRecord("search", 1_004, 5, 200, false));
    }

    @Test
    void aRequestTheMixDoesNotNameIsCountedNotRecorded() {
        records.onRequest(entry(1_000, "GET", "/orders", 200, 1)); // GET, while the mix's /orders is a POST
        records.onRequest(entry(1_001, "GET", "/products?page=1&size=20", 200, 1)); // the mix's query is part of its name
        records.onRequest(entry(1_002, "GET", "/orders/17/items/3", 200, 1)); // a field is one segment

        assertThat(log.records()).isEmpty();
        assertThat(records.unnamed()).isEqualTo(3);
    }

    @Test
    void theFirstRequestStartsTheTimelineOnceAndNothingIsRecordedAfterClosing() {
        assertThat(records.sawRequests()).isFalse();
        records.onRequest(entry(5_000, "GET", "/orders/1", 200, 1));
        records.onRequest(entry(5_010, "GET", "/orders/2", 200, 1));
        records.close();
        records.onRequest(entry(9_000, "GET", "/orders/3", 200, 1));

        assertThat(starts).containsExactly(5_000L);
        assertThat(records.sawRequests()).isTrue();
        assertThat(log.records()).extracting(RequestRecord::startMillis).containsExactly(5_000L, 5_010L);
    }

    @Test
    void theSimulationClassMustBeAGatlingSimulationOnTheClassPath() {
        assertThatThrownBy(() -> GatlingDriver.simulationClass("com.example.Missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.Missing is not on the harness's class path")
                .hasMessageContaining("docs/your-own-incident.md");
        assertThatThrownBy(() -> GatlingDriver.simulationClass(Map.class.getName()))
                .hasMessageContaining("is not a Gatling simulation: it must extend io.gatling.javaapi.core.Simulation");
    }
}
