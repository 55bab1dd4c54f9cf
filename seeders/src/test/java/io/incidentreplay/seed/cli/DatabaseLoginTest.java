package io.incidentreplay.seed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One way for every database command to read its login: options, then the URL, then the defaults. */
class DatabaseLoginTest {

    private static final String PLAIN = "jdbc:postgresql://127.0.0.1:5432/orders";

    @Test
    void theUrlsUserAndPasswordAreTheLoginWhenNoOptionIsGiven() {
        DatabaseLogin login = DatabaseLogin.of(PLAIN + "?user=app&password=p%40ss&ssl=false", null, null);

        assertThat(login.user()).isEqualTo("app");
        assertThat(login.password()).isEqualTo("p@ss");
        assertThat(login.jdbcUrl()).as("the login is taken out of the URL, which pgjdbc would let win over the options")
                .isEqualTo(PLAIN + "?ssl=false");
        assertThat(login.toString()).doesNotContain("p%40ss");
    }

    @Test
    void anOptionWinsOverTheUrl() {
        DatabaseLogin login = DatabaseLogin.of(PLAIN + "?user=app&password=url", "admin", "option");

        assertThat(login.user()).isEqualTo("admin");
        assertThat(login.password()).isEqualTo("option");
    }

    @Test
    void withoutEitherTheUserIsPostgres() {
        assertThat(DatabaseLogin.of(PLAIN, null, null).user()).isEqualTo("postgres");
    }

    @Test
    void aUrlOfAnotherKindSaysWhatOneLooksLike() {
        assertThatThrownBy(() -> DatabaseLogin.of("postgres://127.0.0.1/orders", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be a PostgreSQL JDBC URL such as jdbc:postgresql://")
                .hasMessageEndingWith("but was 'postgres://127.0.0.1/orders'");
    }
}
