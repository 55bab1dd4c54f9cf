package io.incidentreplay.petforce.after;

import io.incidentreplay.petforce.core.CommonSettings;
import io.incidentreplay.petforce.core.Env;
import io.incidentreplay.petforce.core.PoolSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The post-mortem settings, each defaulting to the seed's number (S0 WS1 and WS3); every variable
 * with its seed line is in target-app/README.md.
 */
record AfterSettings(
        CommonSettings common,
        PoolSettings pool,
        PageLimits pages,
        WeatherSettings weather,
        BreakerSettings weatherBreaker,
        BreakerSettings databaseBreaker,
        Duration databaseCallTimeout,
        Duration readinessDatabaseTimeout,
        Duration shutdownTimeout,
        Duration shutdownDelay,
        double logSampleRate,
        Duration slowRequest,
        List<String> logImportantPaths,
        int uploadConcurrency) {

    /** The seed's {@code importantPaths} (S0 1234–1239), logged at 100%. */
    static final String DEFAULT_IMPORTANT_PATHS = "/api/v1/auth/login,/api/v1/auth/register,/api/v1/households,/api/v1/pets";

    record PageLimits(int defaultLimit, int maxLimit, int maxOffset) {}

    record WeatherSettings(Duration timeout, int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff,
            Duration cacheTtl, int maxConcurrentCalls) {}

    static AfterSettings from(Env env) {
        Duration statementTimeout = env.millis("DB_STATEMENT_TIMEOUT_MS", 10_000);
        Duration idleInTransaction = env.millis("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", 30_000);
        PoolSettings pool = new PoolSettings(
                env.integer("DB_POOL_MAX_SIZE", 20, 1, 10_000),
                env.integer("DB_POOL_MIN_IDLE", 5, 0, 10_000),
                env.millis("DB_CONNECTION_TIMEOUT_MS", 30_000),
                env.millis("DB_IDLE_TIMEOUT_MS", 10_000),
                Map.of(
                        // Server-side timeouts on every pooled session (seed S0 304–305).
                        "options", "-c statement_timeout=" + statementTimeout.toMillis()
                                + " -c idle_in_transaction_session_timeout=" + idleInTransaction.toMillis(),
                        // Client-side: a stalled database (no bytes at all) cannot hold a thread forever.
                        "socketTimeout", wholeSeconds(env.millis("DB_SOCKET_TIMEOUT_MS", 15_000)),
                        "connectTimeout", wholeSeconds(env.millis("DB_CONNECT_TIMEOUT_MS", 10_000))));
        int maxLimit = env.integer("PETS_MAX_LIMIT", 100, 1, 100_000);
        return new AfterSettings(
                CommonSettings.from(env),
                pool,
                new PageLimits(env.integer("PETS_DEFAULT_LIMIT", 20, 1, maxLimit), maxLimit,
                        env.integer("PETS_MAX_OFFSET", 10_000, 0, Integer.MAX_VALUE)),
                new WeatherSettings(
                        env.millis("WEATHER_TIMEOUT_MS", 5_000),
                        env.integer("WEATHER_RETRY_MAX_ATTEMPTS", 4, 1, 100),
                        env.millis("WEATHER_RETRY_BACKOFF_MS", 1_000),
                        env.millis("WEATHER_RETRY_MAX_BACKOFF_MS", 3_000),
                        env.millis("WEATHER_CACHE_TTL_MS", 3_600_000),
                        // A6's "bulkhead below 100 (e.g. 20-30)" of 100 workers [assumption: the seed gives no number]
                        env.integer("WEATHER_MAX_CONCURRENT_CALLS", 25, 1, 10_000)),
                BreakerSettings.from(env, "WEATHER_BREAKER"),
                BreakerSettings.from(env, "DB_BREAKER"),
                env.millis("DB_CALL_TIMEOUT_MS", 10_000),
                env.millis("READINESS_DB_TIMEOUT_MS", 2_000),
                env.millis("SHUTDOWN_TIMEOUT_MS", 30_000),
                shutdownDelay(env),
                env.fraction("LOG_SAMPLE_RATE", 0.1),
                env.millis("LOG_SLOW_REQUEST_MS", 1_000),
                pathPrefixes(env, "LOG_IMPORTANT_PATHS", DEFAULT_IMPORTANT_PATHS),
                // photos decoded at once: each is about 27 MB of heap (PhotoVariants); 2 fit a 256 MB heap
                env.integer("UPLOAD_CONCURRENCY", 2, 1, 1_000));
    }

    /** Comma-separated path prefixes, each starting with {@code /}; an empty value means none. */
    static List<String> pathPrefixes(Env env, String name, String defaultValue) {
        List<String> prefixes = new ArrayList<>();
        for (String entry : env.string(name, defaultValue).split(",")) {
            String prefix = entry.trim();
            if (prefix.isEmpty()) {
                continue;
            }
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException(name + " must be comma-separated path prefixes, each starting with '/',"
                        + " but had '" + prefix + "'");
            }
            prefixes.add(prefix);
        }
        return List.copyOf(prefixes);
    }

    /** The delay is part of the forced-shutdown timeout, so it must leave the drain some of it. */
    private static Duration shutdownDelay(Env env) {
        Duration timeout = env.millis("SHUTDOWN_TIMEOUT_MS", 30_000);
        Duration delay = env.millis("SHUTDOWN_DELAY_MS", 0);
        if (delay.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("SHUTDOWN_DELAY_MS (" + delay.toMillis() + ") must be shorter than SHUTDOWN_TIMEOUT_MS ("
                    + timeout.toMillis() + "): the process must exit within the timeout, drain included");
        }
        return delay;
    }

    /** pgjdbc's socketTimeout and connectTimeout are whole seconds (0 would mean "forever"): round up. */
    private static String wholeSeconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }
}
