package io.incidentreplay.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresTargetTest {

    @Test
    void describes_host_port_and_database_without_the_password_parameter() {
        PostgresTarget target = PostgresTarget.parse("jdbc:postgresql://db.internal:6543/petforce?password=hunter2");

        assertThat(target.describe()).isEqualTo("database 'petforce' on host db.internal, port 6543")
                .doesNotContain("hunter2");
    }

    @Test
    void swaps_the_database_and_keeps_parameters() {
        assertThat(PostgresTarget.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?ssl=false", "replay_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/replay_1?ssl=false");
    }

    @Test
    void rejects_a_non_postgres_url_with_an_example() {
        assertThatThrownBy(() -> PostgresTarget.parse("jdbc:mysql://127.0.0.1/petforce"))
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:5432/petforce");
    }
}
