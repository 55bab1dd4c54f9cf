package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masks_the_password_of_a_jdbc_url_with_user_info() {
        assertThat(Redactor.redact("url=jdbc:postgresql://petforce:Hunter2@db:5432/pets"))
                .isEqualTo("url=jdbc:postgresql://petforce:[REDACTED]@db:5432/pets");
    }

    @Test
    void masks_password_parameters_in_urls_and_jdbc_properties() {
        assertThat(Redactor.redact("jdbc:postgresql://db/pets?user=app&password=Hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/pets?user=app&password=[REDACTED]&ssl=true");
        assertThat(Redactor.redact("jdbc:postgresql://db/pets;user=app;password=Hunter2"))
                .isEqualTo("jdbc:postgresql://db/pets;user=app;password=[REDACTED]");
        assertThat(Redactor.redact("PGPASSWORD=Hunter2 DB_PASSWORD: Hunter2 api_key=abc123 \"token\":\"t0k\""))
                .doesNotContain("Hunter2", "abc123", "t0k");
    }

    @Test
    void masks_authorization_headers_and_bearer_tokens() {
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig sent"))
                .isEqualTo("Authorization: [REDACTED]");
        assertThat(Redactor.redact("{\"Authorization\":\"Basic YWRtaW46SHVudGVy\"}"))
                .isEqualTo("{\"Authorization\":\"[REDACTED]\"}");
        assertThat(Redactor.redact("retried with bearer eyJhbGciOiJIUzI1NiJ9 after 401"))
                .isEqualTo("retried with bearer [REDACTED] after 401");
    }

    @Test
    void masks_user_info_passwords_in_any_url() {
        assertThat(Redactor.redact("proxy http://admin:ProxyPass99@toxiproxy:8474 up"))
                .isEqualTo("proxy http://admin:[REDACTED]@toxiproxy:8474 up");
    }

    @Test
    void leaves_the_numbers_and_words_of_a_report_alone() {
        String[] harmless = {"fault p99 of all requests 5,013 ms > budget 500 ms", "pool.timeouts", "breaker.weather.open",
            "read 2,000 active users' tokens from replay_x", "http://127.0.0.1:8080/pets?page=2", "latency 4,728 ms on weather-api"};
        for (String text : harmless) {
            assertThat(Redactor.redact(text)).as(text).isEqualTo(text);
        }
        assertThat(Redactor.redact(null)).isNull();
    }
}
