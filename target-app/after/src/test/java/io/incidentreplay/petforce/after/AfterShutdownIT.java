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
}
