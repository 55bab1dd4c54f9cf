package io.incidentreplay.scenario.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.incidentreplay.scenario.Metrics;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import io.incidentreplay.scenario.Window;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsProbeTest {

    // What Micrometer's Prometheus registry prints for a Hikari pool, Jetty's threads, and a Resilience4j
    // breaker and bulkhead.
    private static final String METRICS = """
            # HELP hikaricp_connections_active Active connections
            # TYPE hikaricp_connections_active gauge
            hikaricp_connections_active{pool="petforce"} 20.0
            hikaricp_connections_idle{pool="petforce"} 0.0
            hikaricp_connections_pending{pool="petforce"} 37.0
            hikaricp_connections_max{pool="petforce"} 20.0
            hikaricp_connections_timeout_total{pool="petforce"} 4.0
            resilience4j_circuitbreaker_state{name="weather",state="closed"} 0.0
            resilience4j_circuitbreaker_state{name="weather",state="open"} 1.0
            resilience4j_circuitbreaker_state{name="database",state="open"} 0.0
            http_server_requests_seconds_count{method="GET",uri="/api/v1/pets"} 12.0
            jetty_threads_busy 99.0
            jetty_threads_config_max 100.0
            jetty_threads_jobs 412.0
            resilience4j_bulkhead_available_concurrent_calls{name="weather"} 7.0
            resilience4j_bulkhead_max_allowed_concurrent_calls{name="weather"} 25.0
            """;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void recordsPoolThreadAndBulkheadGaugesAndBreakerStatePerInstanceAndMarksAStoppedInstanceDown() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", ex -> {
            byte[] body = METRICS.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        URI live = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        URI gone = URI.create("http://127.0.0.1:1"); // nothing listens on port 1
        Timeline timeline = new Timeline();
        Window all = new Window("run", 0, Long.MAX_VALUE);

        new MetricsProbe(() -> Map.of("i1", live, "i2", gone), Metrics.micrometer("/metrics", null), Duration.ofSeconds(5))
                .start(1_000, timeline).join();

        assertThat(timeline.max("pool.pending", Aggregation.SUM, all)).isEqualTo(37);
        assertThat(timeline.max("pool.active", Aggregation.SUM, all)).isEqualTo(20);
        assertThat(timeline.max("pool.timeouts", Aggregation.SUM, all)).isEqualTo(4);
        assertThat(timeline.max("breaker.weather.open", Aggregation.MAX, all)).isEqualTo(1);
        assertThat(timeline.max("breaker.database.open", Aggregation.MAX, all)).isEqualTo(0);
        assertThat(timeline.max("threads.busy", Aggregation.SUM, all)).isEqualTo(99);
        assertThat(timeline.max("threads.max", Aggregation.SUM, all)).isEqualTo(100);
        assertThat(timeline.max("threads.queued", Aggregation.SUM, all)).isEqualTo(412);
        assertThat(timeline.max("bulkhead.weather.calls", Aggregation.MAX, all)).as("25 allowed, 7 available").isEqualTo(18);
        assertThat(timeline.max("instance.up", Aggregation.SUM, all)).as("one of two instances answered").isEqualTo(1);
    }

    @Test
    void labelsWithEscapesAndCommasParse() {
        var lines = PrometheusText.parse("m{a=\"x,y\",b=\"q\\\"z\"} 2.5\nbare 3\n# comment\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).labels()).containsEntry("a", "x,y").containsEntry("b", "q\"z");
        assertThat(lines.get(0).value()).isEqualTo(2.5);
        assertThat(lines.get(1).name()).isEqualTo("bare");
    }
}
