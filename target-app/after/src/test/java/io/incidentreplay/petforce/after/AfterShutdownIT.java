package io.incidentreplay.petforce.after;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentreplay.petforce.core.ApiClient;
import io.incidentreplay.petforce.core.ChildProcess;
import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.PetForceTestDatabase;
import io.incidentreplay.petforce.core.WeatherStub;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SIGTERM on the real jar: the after build finishes the request in flight before it exits. */
class AfterShutdownIT {

    private static PetForceTestDatabase postgres;
    private static WeatherStub weather;

    @BeforeAll
    static void startDependencies() throws Exception {
        postgres = PetForceTestDatabase.start();
        weather = WeatherStub.start();
    }

    @AfterAll
    static void stopDependencies() throws Exception {
        weather.close();
        postgres.close();
    }

    @Test
    void sigtermCompletesTheInFlightDashboardThenExits() throws Exception {
        weather.answering(Duration.ofSeconds(3));
        try (ChildProcess app = ChildProcess.start(Path.of("target", "petforce-after.jar"), Map.of(
                "PORT", "0", "DB_URL", postgres.freshDatabaseUrl(), "WEATHER_API_URL", weather.baseUrl()))) {
            await("'PetForce after listening on port' line").atMost(Duration.ofSeconds(60)).until(() -> app.port() > 0);
            ApiClient api = new ApiClient(app.port());
            assertThat(api.get("/metrics", null, Duration.ofSeconds(10)).statusCode()).isEqualTo(200);

            CompletableFuture<HttpResponse<String>> inFlight = api.getAsync("/api/v1/dashboard", "token-1", Duration.ofSeconds(30));
            await("dashboard waiting on the weather API").atMost(Duration.ofSeconds(10)).until(() -> weather.requestsReceived() >= 1);
            app.terminate();

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(response.body()).at("/data/weather/observation/conditions").asText()).isEqualTo("Fog");
            assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).as("process exited").isTrue();
            await("the drain's last log line").atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(app.output()).anySatisfy(line -> assertThat(line).contains("Graceful shutdown complete")));
        }
    }

    /**
     * A4's order with SHUTDOWN_DELAY_MS: after SIGTERM readiness answers 503 on new connections while
     * the server still accepts them, and only after the delay does it stop accepting and exit. Without
     * the delay (the seed's order) the first new connection after SIGTERM is refused instead.
     */
    @Test
    void withAShutdownDelayReadinessAnswers503OnNewConnectionsBeforeTheServerStopsAccepting() throws Exception {
        try (ChildProcess app = ChildProcess.start(Path.of("target", "petforce-after.jar"), Map.of(
                "PORT", "0", "DB_URL", postgres.freshDatabaseUrl(), "WEATHER_API_URL", weather.baseUrl(),
                "SHUTDOWN_DELAY_MS", "2000", "SHUTDOWN_TIMEOUT_MS", "10000"))) {
            await("'PetForce after listening on port' line").atMost(Duration.ofSeconds(60)).until(() -> app.port() > 0);
            ApiClient api = new ApiClient(app.port());
            assertThat(api.get("/health/readiness", null, Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
            long sigterm = System.nanoTime();
            app.terminate();

            await("readiness 503 on a new connection").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(new ApiClient(app.port()).get("/health/readiness", null, Duration.ofMillis(500))
                            .statusCode()).isEqualTo(503));
            assertThat(app.process().waitFor(15, TimeUnit.SECONDS)).as("process exited").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).as("it served through the delay, then exited within the timeout")
                    .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        }
    }
}
