package io.incidentreplay.scenario.incidents;

import java.util.Map;

/**
 * Every timer of the reference PetForce builds with the seed's value (target-app/README.md), handed
 * to each instance explicitly so that the replay's time scale reaches them: the launcher scales the
 * {@code *_MS} variables it passes, and cannot scale a default it never sees. A user's own build
 * lists its timers in its incident's topology the same way.
 *
 * <p>Left out on purpose: {@code LOG_SLOW_REQUEST_MS} (a threshold on database work, which is never
 * scaled) and the pgjdbc socket and connect timeouts (whole seconds in the driver, so a compressed
 * value would round up and mislead).
 */
final class PetForceTimers {

    /** The incident-era build: a pool acquire timeout and Hikari's default idle timeout, nothing else. */
    static final Map<String, String> BEFORE = Map.of(
            "DB_CONNECTION_TIMEOUT_MS", "30000",
            "DB_IDLE_TIMEOUT_MS", "600000");

    /** The fixed build: every timeout, window and back-off of the post-mortems' fixes. */
    static final Map<String, String> AFTER = Map.ofEntries(
            Map.entry("DB_CONNECTION_TIMEOUT_MS", "30000"),
            Map.entry("DB_IDLE_TIMEOUT_MS", "10000"),
            Map.entry("DB_STATEMENT_TIMEOUT_MS", "10000"),
            Map.entry("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "30000"),
            Map.entry("DB_CALL_TIMEOUT_MS", "10000"),
            Map.entry("DB_BREAKER_WINDOW_MS", "10000"),
            Map.entry("DB_BREAKER_OPEN_MS", "30000"),
            Map.entry("WEATHER_TIMEOUT_MS", "5000"),
            Map.entry("WEATHER_RETRY_BACKOFF_MS", "1000"),
            Map.entry("WEATHER_RETRY_MAX_BACKOFF_MS", "3000"),
            Map.entry("WEATHER_CACHE_TTL_MS", "3600000"),
            Map.entry("WEATHER_BREAKER_WINDOW_MS", "10000"),
            Map.entry("WEATHER_BREAKER_OPEN_MS", "30000"),
            Map.entry("READINESS_DB_TIMEOUT_MS", "2000"),
            Map.entry("SHUTDOWN_TIMEOUT_MS", "30000"));

    private PetForceTimers() {}
}
