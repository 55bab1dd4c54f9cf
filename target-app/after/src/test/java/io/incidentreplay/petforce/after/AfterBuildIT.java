package io.incidentreplay.petforce.after;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentreplay.petforce.Schema;
import io.incidentreplay.petforce.core.ApiClient;
import io.incidentreplay.petforce.core.Env;
import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.LogCapture;
import io.incidentreplay.petforce.core.PetForceTestDatabase;
import io.incidentreplay.petforce.core.WeatherStub;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The after build on real PostgreSQL: each post-mortem fix is present. */
class AfterBuildIT {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static PetForceTestDatabase postgres;
    private static WeatherStub weather;

    private PetForceAfter app;
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
                "PORT", "0", "DB_URL", dbUrl, "WEATHER_API_URL", weather.baseUrl(), "HTTP_MAX_THREADS", "16",
                "DB_POOL_MIN_IDLE", "1"));
        env.putAll(extra);
        app = PetForceAfter.start(Env.of(env));
        return new ApiClient(app.port());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void petListIsOnePageOfTheCallersPetsNewestFirst() throws Exception {
        ApiClient api = start(Map.of());

        JsonNode firstPage = json(api.get("/api/v1/pets", "token-1", BOUND));
        JsonNode secondOfFive = json(api.get("/api/v1/pets?page=2&limit=5", "token-1", BOUND));

        assertThat(firstPage.get("data")).hasSize(20);
        assertThat(firstPage.get("pagination")).isEqualTo(Json.MAPPER.readTree(
                "{\"page\":1,\"limit\":20,\"total\":" + PetForceTestDatabase.USER_1_VISIBLE_PETS + ",\"totalPages\":1}"));
        JsonNode newest = firstPage.at("/data/0");
        assertThat(newest.get("id").asLong()).as("newest live pet of households 1 and 2").isEqualTo(1802L);
        List<String> fields = new ArrayList<>();
        newest.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "type", "photoUrl", "household");
        assertThat(newest.get("household")).isEqualTo(Json.MAPPER.readTree("{\"id\":2,\"name\":\"Household 2\"}"));
        firstPage.get("data").forEach(pet -> assertThat(pet.at("/household/id").asLong()).isIn(1L, 2L));
        assertThat(secondOfFive.get("data")).hasSize(5);
        assertThat(secondOfFive.at("/pagination/totalPages").asInt()).isEqualTo(4);
        assertThat(secondOfFive.at("/data/0/id").asLong()).isEqualTo(firstPage.at("/data/5/id").asLong());
    }

    @Test
    void limitOver100AndOffsetsPast10000AreRejectedWith400() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> limit101 = api.get("/api/v1/pets?limit=101", "token-1", BOUND);
        HttpResponse<String> notANumber = api.get("/api/v1/pets?limit=lots", "token-1", BOUND);
        HttpResponse<String> deepPage = api.get("/api/v1/pets?page=502&limit=20", "token-1", BOUND);
        HttpResponse<String> lastAllowed = api.get("/api/v1/pets?page=501&limit=20", "token-1", BOUND);

        assertThat(limit101.statusCode()).isEqualTo(400);
        assertThat(json(limit101).at("/error/code").asText()).isEqualTo("INVALID_LIMIT");
        assertThat(json(limit101).at("/error/message").asText()).contains("Maximum limit is 100").contains("101");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(json(notANumber).at("/error/code").asText()).isEqualTo("INVALID_LIMIT");
        assertThat(deepPage.statusCode()).as("page-derived offset 10,020").isEqualTo(400);
        assertThat(json(deepPage).at("/error/code").asText()).isEqualTo("INVALID_OFFSET");
        assertThat(lastAllowed.statusCode()).as("offset exactly 10,000").isEqualTo(200);
    }

    /** Photo uploads are authenticated, and without a bucket (no S3_URL) refused with how to give one; the rest serves. */
    @Test
    void photoUploadsNeedATokenAndABucket() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> anonymous = api.post("/upload/pet-photo", null, "{}", BOUND);
        HttpResponse<String> noBucket = api.post("/upload/pet-photo", "token-1", "{}", BOUND);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(noBucket.statusCode()).isEqualTo(503);
        assertThat(json(noBucket).get("error").asText()).contains("set S3_URL and S3_BUCKET");
        assertThat(api.get("/api/v1/pets", "token-1", BOUND).statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenIs401Json() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> response = api.get("/api/v1/pets", null, BOUND);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("success").asBoolean()).isFalse();
    }

    @Test
    void stalledWeatherApiGivesUnavailableWithin6sThenTheOpenBreakerAnswersAtOnce() throws Exception {
        weather.stalled();
        ApiClient api = start(Map.of());

        long started = System.nanoTime();
        HttpResponse<String> first = api.get("/api/v1/dashboard", "token-1", Duration.ofSeconds(6));
        Duration firstTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).at("/data/weather")).isEqualTo(Json.MAPPER.readTree("{\"unavailable\":true}"));
        assertThat(json(first).at("/data/pets")).hasSize(10);
        assertThat(firstTook).as("bounded by WEATHER_TIMEOUT_MS=5000").isBetween(Duration.ofMillis(4_500), Duration.ofSeconds(6));
        assertThat(api.get("/metrics", null, BOUND).body())
                .contains("resilience4j_circuitbreaker_state{name=\"weather\",state=\"open\"} 1.0");

        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> next = api.get("/api/v1/dashboard", "token-1", Duration.ofSeconds(1));
            fastest = Math.min(fastest, Duration.ofNanos(System.nanoTime() - t0).toMillis());
            assertThat(json(next).at("/data/weather/unavailable").asBoolean()).isTrue();
        }
        assertThat(fastest).as("ms for a dashboard while the weather breaker is open").isLessThan(100);
        assertThat(weather.requestsReceived()).as("calls that reached the weather API").isEqualTo(1);
    }

    @Test
    void failedWeatherCallFallsBackToTheLastGoodObservationMarkedCached() throws Exception {
        weather.answering();
        ApiClient api = start(Map.of("WEATHER_TIMEOUT_MS", "2000"));
        JsonNode fresh = json(api.get("/api/v1/dashboard", "token-1", BOUND)).at("/data/weather");

        weather.stalled();
        JsonNode fallback = json(api.get("/api/v1/dashboard", "token-1", BOUND)).at("/data/weather");

        assertThat(fresh.at("/observation/conditions").asText()).isEqualTo("Fog");
        assertThat(fresh.has("cached")).isFalse();
        assertThat(fallback.get("cached").asBoolean()).isTrue();
        assertThat(fallback.at("/observation/temperatureF").asDouble()).isEqualTo(61.2);
    }

    @Test
    void readinessAndRootNeverCallTheWeatherApi() throws Exception {
        weather.stalled();
        ApiClient api = start(Map.of());
        int before = weather.requestsReceived();

        HttpResponse<String> readiness = api.get("/health/readiness", null, Duration.ofSeconds(3));
        HttpResponse<String> root = api.get("/", null, Duration.ofSeconds(3));
        HttpResponse<String> liveness = api.get("/health/liveness", null, Duration.ofSeconds(3));
        HttpResponse<String> startup = api.get("/health/startup", null, Duration.ofSeconds(3));

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asText()).isEqualTo("ready");
        assertThat(json(readiness).at("/checks/database").asText()).isEqualTo("ok");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(startup).get("status").asText()).isEqualTo("started");
        assertThat(weather.requestsReceived() - before).isZero();
    }

    @Test
    void drainingMakesReadinessAnswer503ShuttingDownWhileLivenessStaysUp() throws Exception {
        ApiClient api = start(Map.of());

        app.beginDrain();

        HttpResponse<String> readiness = api.get("/health/readiness", null, BOUND);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(json(readiness).get("status").asText()).isEqualTo("shutting-down");
        assertThat(api.get("/health/liveness", null, BOUND).statusCode()).isEqualTo(200);
    }

    /**
     * A6's bulkhead: with the weather API slow (but inside the timeout, so the breaker never opens),
     * only WEATHER_MAX_CONCURRENT_CALLS dashboards wait on it; the rest get the fallback at once and
     * never reach the API. Without the bulkhead all four would wait the 2 s.
     */
    @Test
    void aSlowWeatherApiHoldsOnlyAsManyRequestsAsTheBulkheadLetsIn() throws Exception {
        weather.answering(Duration.ofSeconds(2));
        ApiClient api = start(Map.of("WEATHER_MAX_CONCURRENT_CALLS", "2"));
        int before = weather.requestsReceived();

        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> dashboards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dashboards.add(api.getAsync("/api/v1/dashboard", "token-1", BOUND));
        }
        await().atMost(BOUND).untilAsserted(() -> assertThat(api.get("/metrics", null, BOUND).body())
                .contains("resilience4j_bulkhead_available_concurrent_calls{name=\"weather\"} 0.0")
                .contains("resilience4j_bulkhead_max_allowed_concurrent_calls{name=\"weather\"} 2.0"));
        List<Boolean> fellBack = new ArrayList<>();
        for (var dashboard : dashboards) {
            HttpResponse<String> answer = dashboard.get();
            assertThat(answer.statusCode()).isEqualTo(200);
            fellBack.add(json(answer).at("/data/weather/unavailable").asBoolean());
        }

        assertThat(fellBack).as("dashboards answered with the fallback").containsExactlyInAnyOrder(true, true, false, false);
        assertThat(weather.requestsReceived() - before).as("calls that reached the weather API").isEqualTo(2);
        assertThat(api.get("/metrics", null, BOUND).body())
                .contains("resilience4j_circuitbreaker_state{name=\"weather\",state=\"closed\"} 1.0");
    }

    @Test
    void metricsExposeThePoolOf20AndBothBreakers() throws Exception {
        ApiClient api = start(Map.of());
        api.get("/api/v1/pets", "token-1", BOUND);

        String metrics = api.get("/metrics", null, BOUND).body();

        assertThat(metrics)
                .contains("hikaricp_connections_active{pool=\"petforce\"}")
                .contains("hikaricp_connections_pending{pool=\"petforce\"}")
                .contains("hikaricp_connections_max{pool=\"petforce\"} 20.0")
                .contains("hikaricp_connections_timeout_total{pool=\"petforce\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/v1/pets\"}")
                .contains("resilience4j_circuitbreaker_state{name=\"weather\",state=\"closed\"} 1.0")
                .contains("resilience4j_circuitbreaker_state{name=\"database\",state=\"closed\"} 1.0")
                .contains("resilience4j_bulkhead_max_allowed_concurrent_calls{name=\"weather\"} 25.0")
                .contains("jetty_threads_config_max 16.0")
                .contains("jetty_threads_busy ");
    }

    @Test
    void logsErrorsAndWritesWithCredentialsRedactedAndSkipsUnsampledGets() throws Exception {
        ApiClient api = start(Map.of("LOG_SAMPLE_RATE", "0"));
        try (LogCapture logs = LogCapture.of(RequestLog.LOGGER)) {
            api.get("/api/v1/pets?limit=101", "token-7", BOUND);
            api.post("/api/v1/pets/7/tasks", "token-7", "{\"title\":\"Feed\",\"password\":\"hunter2\"}", BOUND);
            api.get("/health/liveness", "token-7", BOUND);

            await("request log lines").atMost(Duration.ofSeconds(5)).until(() -> logs.lines().size() >= 2);
            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.lines().get(0)).contains("/api/v1/pets").contains("status=400").contains(RequestLog.REDACTED);
            assertThat(logs.lines().get(1)).contains("POST").contains("status=201");
            assertThat(String.join("\n", logs.lines())).doesNotContain("token-7").doesNotContain("hunter2");
        }
    }

    @Test
    void everyLogEventCarriesTheRequestIdHeaderOrADash() throws Exception {
        ApiClient api = start(Map.of("LOG_SAMPLE_RATE", "1"));
        try (LogCapture logs = LogCapture.of(RequestLog.LOGGER)) {
            api.get("/api/v1/pets", "token-1", Map.of("X-Request-Id", "req_abc123"), BOUND);
            api.get("/api/v1/pets?limit=101", "token-1", Map.of("X-Request-Id", "req_def456"), BOUND);
            api.get("/health/liveness", null, BOUND);

            await("request log lines").atMost(Duration.ofSeconds(5)).until(() -> logs.lines().size() >= 3);
            assertThat(logs.lines().get(0)).startsWith("Request completed GET /api/v1/pets requestId=req_abc123 status=200 ");
            assertThat(logs.lines().get(1)).startsWith("Request completed GET /api/v1/pets requestId=req_def456 status=400 ");
            assertThat(logs.lines().get(2)).startsWith("Request completed GET /health/liveness requestId=- status=200 ");
        }
    }

    @Test
    void petListGetsAreAlwaysLoggedWhileDashboardGetsAreSampled() throws Exception {
        weather.answering();
        ApiClient api = start(Map.of("LOG_SAMPLE_RATE", "0", "LOG_SLOW_REQUEST_MS", "60000"));
        try (LogCapture logs = LogCapture.of(RequestLog.LOGGER)) {
            for (int i = 0; i < 20; i++) {
                assertThat(api.get("/api/v1/dashboard", "token-1", BOUND).statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 20; i++) {
                assertThat(api.get("/api/v1/pets?page=1&limit=20", "token-1", BOUND).statusCode()).isEqualTo(200);
            }

            await("pet list log lines").atMost(Duration.ofSeconds(5)).until(() -> logs.lines().size() >= 20);
            assertThat(logs.lines()).as("an important path of the seed: every one logged").hasSize(20)
                    .allSatisfy(line -> assertThat(line).startsWith("Request completed GET /api/v1/pets requestId=- status=200"));
        }
    }

    @Test
    void failedLoginIsLoggedInFullWithThePasswordRedactedAndNowhereInPlain() throws Exception {
        ApiClient api = start(Map.of("LOG_SAMPLE_RATE", "0"));
        String password = "pw-canary-5f3a";
        try (LogCapture everything = LogCapture.of(Logger.ROOT_LOGGER_NAME);
                LogCapture logs = LogCapture.of(RequestLog.LOGGER)) {
            HttpResponse<String> refused = api.post("/api/v1/auth/login", null, Map.of("X-Request-Id", "req_login1"),
                    "{\"email\":\"user1@example.com\",\"password\":\"" + password + "\"}", BOUND);

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused)).isEqualTo(Json.MAPPER.readTree("{\"success\":false,\"error\":\"invalid email or password\"}"));
            await("request log line").atMost(Duration.ofSeconds(5)).until(() -> logs.lines().size() >= 1);
            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("Request completed POST /api/v1/auth/login requestId=req_login1 status=401 ")
                    .contains("X-Request-Id=req_login1")
                    .endsWith(" body={\"email\":\"user1@example.com\",\"password\":\"" + RequestLog.REDACTED + "\"}"));
            assertThat(String.join("\n", everything.lines())).doesNotContain(password);
        }
    }

    @Test
    void loginWithoutATokenIs401ForAWellFormedBodyAnd400ForANonJsonOne() throws Exception {
        ApiClient api = start(Map.of());

        HttpResponse<String> refused = api.post("/api/v1/auth/login", null,
                "{\"email\":\"user1@example.com\",\"password\":\"secret\",\"rememberMe\":true}", BOUND);
        HttpResponse<String> notJson = api.post("/api/v1/auth/login", null, "not json", BOUND);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused)).isEqualTo(Json.MAPPER.readTree("{\"success\":false,\"error\":\"invalid email or password\"}"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("error").asText()).contains("JSON object");
    }

    @Test
    void databaseBreakerFailsFastWith503OnceTheDatabaseIsGone() throws Exception {
        ApiClient api = start(Map.of("DB_CONNECTION_TIMEOUT_MS", "1000", "DB_BREAKER_OPEN_MS", "60000"));
        assertThat(api.get("/api/v1/pets", "token-1", BOUND).statusCode()).isEqualTo(200);

        postgres.drop(dbUrl);

        await("database breaker open").atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/v1/pets", "token-1", BOUND).body().contains("circuit breaker is open"));
        long t0 = System.nanoTime();
        HttpResponse<String> failFast = api.get("/api/v1/dashboard", "token-1", BOUND);
        long took = Duration.ofNanos(System.nanoTime() - t0).toMillis();

        assertThat(failFast.statusCode()).isEqualTo(503);
        assertThat(json(failFast).get("error").asText()).contains("database unavailable");
        assertThat(took).as("ms to answer while the database breaker is open").isLessThan(500);
        assertThat(api.get("/health/liveness", null, BOUND).statusCode()).isEqualTo(200);
        dbUrl = null;
    }

    /**
     * A database that stalls without answering (here: a lock nobody releases) is seen only through the
     * call timeout; without it each request would wait out the pool and the breaker would never learn.
     */
    @Test
    void aStalledDatabaseOpensTheBreakerThroughTheCallTimeout() throws Exception {
        ApiClient api = start(Map.of("DB_CALL_TIMEOUT_MS", "300", "DB_STATEMENT_TIMEOUT_MS", "60000",
                "DB_BREAKER_OPEN_MS", "60000"));
        assertThat(api.get("/api/v1/pets", "token-1", BOUND).statusCode()).isEqualTo(200);

        try (Connection locker = postgres.dataSource(dbUrl).getConnection()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE pets IN ACCESS EXCLUSIVE MODE");

            long t0 = System.nanoTime();
            HttpResponse<String> stalled = api.get("/api/v1/pets", "token-1", BOUND);
            long firstMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertThat(stalled.statusCode()).isEqualTo(503);
            assertThat(stalled.body()).contains("longer than 300 ms");
            assertThat(firstMillis).as("ms until the call timeout gave up").isBetween(250L, 5_000L);

            await("database breaker open").atMost(Duration.ofSeconds(10)).until(() ->
                    api.get("/api/v1/pets", "token-1", BOUND).body().contains("circuit breaker is open"));
            locker.rollback();
        }
    }

    @Test
    void migratesAnEmptyDatabaseBeforeReportingStarted() throws Exception {
        dbUrl = postgres.emptyDatabaseUrl();
        ApiClient api = start(Map.of());

        assertThat(Schema.isUpToDate(postgres.dataSource(dbUrl))).isTrue();
        assertThat(api.get("/health/startup", null, BOUND).statusCode()).isEqualTo(200);
    }
}
