package io.incidentreplay.petforce.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login behind the authenticator, wired as both builds wire it, on a database that must not be touched. */
class LoginTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final AtomicInteger databaseCalls = new AtomicInteger();
    private Javalin app;
    private ApiClient api;

    @BeforeEach
    void start() {
        Database untouchable = new Database() {
            @Override
            public <T> T query(SqlWork<T> work) {
                databaseCalls.incrementAndGet();
                throw new IllegalStateException("the database was touched");
            }
        };
        CommonSettings settings = new CommonSettings(0, "jdbc:postgresql://127.0.0.1:1/unused", "postgres", "",
                "http://127.0.0.1:1", "demo", 16, 2, 0, 0);
        app = HttpServer.create(settings, new Metrics(), config -> { });
        app.before("/api/*", new Authenticator(untouchable).handler());
        app.post(Login.PATH, Login.handler());
        app.get("/api/v1/pets", ctx -> ctx.result("pets"));
        app.start(0);
        api = new ApiClient(app.port());
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void wellFormedLoginWithoutATokenIsRefusedWith401AndNeverTouchesTheDatabase() throws Exception {
        HttpResponse<String> login = api.post(Login.PATH, null,
                "{\"email\":\"user1@example.com\",\"password\":\"correct horse\",\"remember\":true}", BOUND);
        HttpResponse<String> otherRoute = api.get("/api/v1/pets", null, BOUND);

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(login.body()))
                .isEqualTo(Json.MAPPER.readTree("{\"success\":false,\"error\":\"invalid email or password\"}"));
        assertThat(databaseCalls).hasValue(0);
        assertThat(otherRoute.statusCode()).as("only the login's exact path skips the token").isEqualTo(401);
        assertThat(otherRoute.body()).contains("missing bearer token");
    }

    @Test
    void bodyThatIsNotJsonOrLacksEmailOrPasswordIs400SayingWhatIsWrong() throws Exception {
        HttpResponse<String> notJson = api.post(Login.PATH, null, "email=user1@example.com&password=x", BOUND);
        HttpResponse<String> array = api.post(Login.PATH, null, "[\"user1@example.com\",\"x\"]", BOUND);
        HttpResponse<String> noPassword = api.post(Login.PATH, null, "{\"email\":\"user1@example.com\"}", BOUND);
        HttpResponse<String> numericEmail = api.post(Login.PATH, null, "{\"email\":1,\"password\":\"x\"}", BOUND);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(notJson.body()).get("error").asText()).contains("JSON object");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(noPassword.body()).get("error").asText()).contains("password is required");
        assertThat(numericEmail.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(numericEmail.body()).get("error").asText()).contains("email is required");
        assertThat(databaseCalls).hasValue(0);
    }
}
