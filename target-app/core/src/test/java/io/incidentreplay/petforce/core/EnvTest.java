package io.incidentreplay.petforce.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void scaledTimersMayBeDecimalAndAreRoundedToMilliseconds() {
        Env env = Env.of(Map.of("WEATHER_TIMEOUT_MS", "500.4"));

        assertThat(env.millis("WEATHER_TIMEOUT_MS", 5_000)).isEqualTo(Duration.ofMillis(500));
        assertThat(env.millis("DB_IDLE_TIMEOUT_MS", 10_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void badValuesNameTheVariableAndTheRejectedValue() {
        Env env = Env.of(Map.of("PORT", "eighty", "LOG_SAMPLE_RATE", "2", "WEATHER_TIMEOUT_MS", "-1"));

        assertThatThrownBy(() -> env.integer("PORT", 8080, 0, 65_535)).hasMessageContaining("PORT").hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> env.fraction("LOG_SAMPLE_RATE", 0.1)).hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> env.millis("WEATHER_TIMEOUT_MS", 5_000)).hasMessageContaining("'-1'");
    }

    @Test
    void flagsAreTrueOrFalseInAnyCaseAndNothingElse() {
        Env env = Env.of(Map.of("DB_SINGLE_CONNECTION", "TRUE", "OTHER", "yes"));

        assertThat(env.flag("DB_SINGLE_CONNECTION", false)).isTrue();
        assertThat(env.flag("UNSET", false)).isFalse();
        assertThatThrownBy(() -> env.flag("OTHER", false)).hasMessage("OTHER must be true or false, but was 'yes'");
    }

    @Test
    void hikariMinimumsAreRaisedNotViolated() {
        assertThat(Pools.atLeastHikariMinimum("DB_IDLE_TIMEOUT_MS", Duration.ofSeconds(1), Pools.HIKARI_MIN_IDLE_TIMEOUT))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(Pools.atLeastHikariMinimum("DB_CONNECTION_TIMEOUT_MS", Duration.ofMillis(3_000), Pools.HIKARI_MIN_CONNECTION_TIMEOUT))
                .isEqualTo(Duration.ofMillis(3_000));
    }
}
