package io.incidentreplay.petforce.before;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentreplay.petforce.Schema;
import io.incidentreplay.petforce.core.ApiClient;
import io.incidentreplay.petforce.core.Env;
import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.LogCapture;
import io.incidentreplay.petforce.core.PetForceTestDatabase;
import io.incidentreplay.petforce.core.WeatherStub;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The before build on real PostgreSQL: each incident-era behaviour is present. */
class BeforeBuildIT {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static PetForceTestDatabase postgres;
    private static WeatherStub weather;

    private PetForceBefore app;
    private String dbUrl;

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

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop();
        }
    }

    private ApiClient start(Map<String, String> extra) throws Exception {
        dbUrl = dbUrl == null ? postgres.freshDatabaseUrl() : dbUrl;
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0", "DB_URL", dbUrl, "WEATHER_API_URL", weather.baseUrl(), "HTTP_MAX_THREADS", "16"));
        env.putAll(extra);
        app = PetForceBefore.start(Env.of(env));
        return new ApiClient(app.port());
    }

    @Test
    void petListReturnsEveryLivePetWithAllFourJoinsInOneResponse() throws Exception {
        ApiClient api = start(Map.of("PETS_FETCH_SIZE", "100"));

        HttpResponse<String> response = api.get("/api/v1/pets?page=1&limit=20", "token-1", BOUND);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.has("pagination")).as("no pagination in the incident-era list").isFalse();
        JsonNode pets = body.get("data");
        assertThat(pets).hasSize(PetForceTestDatabase.LIVE_PETS);
        JsonNode first = pets.get(0);
        assertThat(first.at("/household/owner/email").asText()).isEqualTo("user1@example.com");
        assertThat(first.get("medicalRecords")).hasSize(2);
        assertThat(first.at("/medicalRecords/0/medications")).hasSize(1);
        assertThat(first.get("tasks")).hasSize(2);
        assertThat(first.at("/tasks/0/assignee/id").asLong()).isEqualTo(1L);
    }

    @Test
    void missingOrUnknownTokenIs401Json() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> missing = api.get("/api/v1/pets", null, BOUND);
        HttpResponse<String> unknown = api.get("/api/v1/dashboard", "no-such-token", BOUND);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(missing.body()).get("success").asBoolean()).isFalse();
        assertThat(Json.MAPPER.readTree(unknown.body()).get("error").asText()).contains("unknown bearer token");
    }

    @Test
    void dashboardEmbedsTheWeatherApiAnswer() throws Exception {
        weather.answering();
        ApiClient api = start(Map.of());

        JsonNode body = Json.MAPPER.readTree(api.get("/api/v1/dashboard", "token-1", BOUND).body());

        assertThat(body.at("/data/weather")).isEqualTo(Json.MAPPER.readTree(WeatherStub.OBSERVATION));
        assertThat(body.at("/data/households")).hasSize(1);
        assertThat(body.at("/data/pets")).hasSize(10);
    }

    @Test
    void dashboardAndTheRootHealthCheckPathWaitForAStalledWeatherApi() throws Exception {
        weather.stalled();
        ApiClient api = start(Map.of());

        assertThatThrownBy(() -> api.get("/api/v1/dashboard", "token-1", Duration.ofSeconds(8)))
                .as("the dashboard is still waiting when the 8 s bound runs out")
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> api.get("/", null, Duration.ofSeconds(3)))
                .as("GET / (the ALB's default health check) waits on the weather API too")
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void metricsStayReadableOnTheMetricsPortWhileEveryRequestThreadWaits() throws Exception {
        weather.stalled();
        int metricsPort;
        try (ServerSocket free = new ServerSocket(0)) {
            metricsPort = free.getLocalPort();
        }
        ApiClient api = start(Map.of("METRICS_PORT", Integer.toString(metricsPort)));
        for (int i = 0; i < 40; i++) {
            api.getAsync("/api/v1/dashboard", "token-1", Duration.ofSeconds(30));
        }
        await().atMost(BOUND).until(() -> weather.requestsReceived() >= 8);

        assertThatThrownBy(() -> api.get("/metrics", null, Duration.ofSeconds(2)))
                .as("/metrics on PORT queues behind the busy request threads")
                .isInstanceOf(HttpTimeoutException.class);
        HttpResponse<String> scrape = new ApiClient(metricsPort).get("/metrics", null, Duration.ofSeconds(2));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("hikaricp_connections_max{pool=\"petforce\"} 100.0")
                .contains("jetty_threads_config_max 16.0");
        // A6's exhausted workers: every request thread busy but the one Jetty keeps in reserve, and the
        // other dashboards queued for a worker
        assertThat(gauge(scrape.body(), "jetty_threads_busy")).isGreaterThanOrEqualTo(15.0);
        assertThat(gauge(scrape.body(), "jetty_threads_jobs")).isGreaterThan(10.0);
    }

    /**
     * A5's before build: with DB_SINGLE_CONNECTION, once the database drops the connection (as a
     * failover does), no request succeeds again; the pooled build, in the same situation, opens new ones.
     */
    @Test
    void oneSharedConnectionThatTheDatabaseDroppedIsNeverOpenedAgain() throws Exception {
        ApiClient api = start(Map.of("DB_SINGLE_CONNECTION", "true"));
        assertThat(api.get("/api/v1/pets", "token-1", BOUND).statusCode()).isEqualTo(200);

        dropEveryOtherConnection();

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/pets", "token-1", BOUND).statusCode()).as("request %d after the drop", i).isEqualTo(500);
        }
        app.stop();
        ApiClient pooled = start(Map.of());
        assertThat(pooled.get("/api/v1/pets", "token-1", BOUND).statusCode()).isEqualTo(200);
        dropEveryOtherConnection();
        await().atMost(BOUND).untilAsserted(() ->
                assertThat(pooled.get("/api/v1/pets", "token-1", BOUND).statusCode()).as("the pool opens a new connection").isEqualTo(200));
    }

    /**
     * A9's before build: with DB_HEALTH_ENDPOINT, {@code /health} asks the database, so it fails as soon as
     * the database does (here the one shared connection, dropped); without the setting there is none (WS3).
     */
    @Test
    void theDatabaseHealthEndpointFailsWhenTheDatabaseDoes() throws Exception {
        ApiClient plain = start(Map.of());
        assertThat(plain.get("/health", null, BOUND).statusCode()).as("no /health by default").isEqualTo(404);
        app.stop();
        ApiClient api = start(Map.of("DB_HEALTH_ENDPOINT", "true", "DB_SINGLE_CONNECTION", "true"));
        HttpResponse<String> up = api.get("/health", null, BOUND);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"ok\"");

        dropEveryOtherConnection();

        HttpResponse<String> down = api.get("/health", null, BOUND);
        assertThat(down.statusCode()).as("the database is gone for this build").isEqualTo(503);
        assertThat(down.body()).contains("database unavailable");
    }

    /** What a failover does to the build's sessions: the server ends them. */
    private void dropEveryOtherConnection() throws Exception {
        try (Connection admin = DriverManager.getConnection(dbUrl, "postgres", "");
                var dropped = admin.createStatement().executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            dropped.next();
            assertThat(dropped.getInt(1)).as("sessions ended").isPositive();
        }
    }

    /** A6's caller: the same blocking call with the seed's far-away timeout, which a stalled API runs into. */
    @Test
    void aWeatherTimeoutMakesAStalledDashboardFailAfterItInsteadOfWaitingForever() throws Exception {
        weather.stalled();
        ApiClient api = start(Map.of("WEATHER_TIMEOUT_MS", "1000"));

        long started = System.nanoTime();
        HttpResponse<String> dashboard = api.get("/api/v1/dashboard", "token-1", Duration.ofSeconds(8));

        assertThat(dashboard.statusCode()).isEqualTo(500);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void metricsExposeTheHikariGaugesWithThePoolOf100() throws Exception {
        ApiClient api = start(Map.of());
        api.get("/api/v1/pets", "nobody", BOUND);

        String metrics = api.get("/metrics", null, BOUND).body();

        assertThat(metrics)
                .contains("hikaricp_connections_active{pool=\"petforce\"}")
                .contains("hikaricp_connections_idle{pool=\"petforce\"}")
                .contains("hikaricp_connections_pending{pool=\"petforce\"}")
                .contains("hikaricp_connections_max{pool=\"petforce\"} 100.0")
                .contains("hikaricp_connections_timeout_total{pool=\"petforce\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",status=\"401\",uri=\"/api/v1/pets\"}")
                .doesNotContain("resilience4j_circuitbreaker_state");
    }

    @Test
    void logsEveryRequestWithItsAuthorizationHeader() throws Exception {
        ApiClient api = start(Map.of());
        try (LogCapture logs = LogCapture.of(HeaderLogging.LOGGER)) {
            api.get("/api/v1/pets?page=1", "token-7", BOUND);

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("/api/v1/pets").containsIgnoringCase("authorization").contains("Bearer token-7"));
        }
    }

    @Test
    void logsEachRequestBodyWhichTheHandlersStillRead() throws Exception {
        ApiClient api = start(Map.of());
        String task = "{\"title\":\"Body canary 7f3e\",\"assigneeId\":3}";
        String login = "{\"email\":\"user1@example.com\",\"password\":\"pw-canary-91c2\"}";
        try (LogCapture logs = LogCapture.of(HeaderLogging.LOGGER)) {
            HttpResponse<String> created = api.post("/api/v1/pets/5/tasks", "token-1", task, BOUND);
            HttpResponse<String> refused = api.post("/api/v1/auth/login", null, login, BOUND);
            api.get("/api/v1/pets?page=1", "token-1", BOUND);

            assertThat(created.statusCode()).as("the handler read the body the logger read first").isEqualTo(201);
            assertThat(Json.MAPPER.readTree(created.body()).at("/data/title").asText()).isEqualTo("Body canary 7f3e");
            assertThat(refused.statusCode()).as("the login read it too").isEqualTo(401);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("Incoming request POST /api/v1/pets/5/tasks query=null headers=")
                    .contains("Bearer token-1").endsWith(" body=" + task));
            assertThat(logs.lines()).as("the incident's leak: the password in plain text").anySatisfy(line -> assertThat(line)
                    .startsWith("Incoming request POST /api/v1/auth/login").endsWith(" body=" + login));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("Incoming request GET /api/v1/pets query=page=1").endsWith(" body="));
        }
    }

    @Test
    void loginWithoutATokenIs401ForAWellFormedBodyAnd400ForANonJsonOne() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> refused = api.post("/api/v1/auth/login", null,
                "{\"email\":\"user1@example.com\",\"password\":\"secret\"}", BOUND);
        HttpResponse<String> notJson = api.post("/api/v1/auth/login", null, "not json", BOUND);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(refused.body()))
                .isEqualTo(Json.MAPPER.readTree("{\"success\":false,\"error\":\"invalid email or password\"}"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(notJson.body()).get("error").asText()).contains("JSON object");
    }

    @Test
    void acknowledgedTaskWriteIsStored() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> created = api.post("/api/v1/pets/5/tasks", "token-1",
                "{\"title\":\"Vet visit\",\"assigneeId\":3,\"dueAt\":\"2026-11-24T09:00:00Z\"}", BOUND);
        HttpResponse<String> unknownPet = api.post("/api/v1/pets/999999/tasks", "token-1", "{\"title\":\"x\"}", BOUND);
        HttpResponse<String> noTitle = api.post("/api/v1/pets/5/tasks", "token-1", "{}", BOUND);

        assertThat(created.statusCode()).isEqualTo(201);
        long taskId = Json.MAPPER.readTree(created.body()).at("/data/id").asLong();
        try (var c = postgres.dataSource(dbUrl).getConnection();
                var rs = c.createStatement().executeQuery("SELECT pet_id, assignee_id, title FROM tasks WHERE id = " + taskId)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(5L);
            assertThat(rs.getLong(2)).isEqualTo(3L);
            assertThat(rs.getString(3)).isEqualTo("Vet visit");
        }
        assertThat(unknownPet.statusCode()).isEqualTo(404);
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title is required");
    }

    @Test
    void migratesAnEmptyDatabaseAtStart() throws Exception {
        dbUrl = postgres.emptyDatabaseUrl();
        start(Map.of());

        assertThat(Schema.isUpToDate(postgres.dataSource(dbUrl))).isTrue();
    }

    @Test
    void missingDbUrlFailsWithAMessageSayingWhatToSet() {
        assertThatThrownBy(() -> PetForceBefore.start(Env.of(Map.of("PORT", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_URL is not set")
                .hasMessageContaining("jdbc:postgresql://");
    }

    /** The value of an unlabelled gauge in Prometheus text. */
    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in /metrics"));
    }
}
