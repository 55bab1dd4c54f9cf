package io.incidentreplay.petforce.core;

/**
 * The settings both builds read the same way (see target-app/README.md for every variable).
 *
 * @param port HTTP port, 0 for any free port
 * @param httpMaxThreads Jetty's bounded request thread pool; requests beyond it queue
 * @param metricsPort a second port serving only {@code /metrics}, on its own thread; 0 for none
 * @param startupWarmupQueries reads before the build reports ready ({@link StartupWarmup}); 0 for none
 */
public record CommonSettings(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String weatherApiUrl,
        String weatherApiKey,
        int httpMaxThreads,
        int httpMinThreads,
        int metricsPort,
        int startupWarmupQueries) {

    public static CommonSettings from(Env env) {
        String dbUrl = env.required("DB_URL",
                "set it to the PetForce database's JDBC URL, e.g. DB_URL=jdbc:postgresql://127.0.0.1:5432/petforce");
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), but was '" + dbUrl + "'");
        }
        int maxThreads = env.integer("HTTP_MAX_THREADS", 100, 4, 10_000);
        int minThreads = env.integer("HTTP_MIN_THREADS", 8, 1, maxThreads);
        String weatherUrl = env.string("WEATHER_API_URL", "http://127.0.0.1:8089");
        return new CommonSettings(
                env.integer("PORT", 8080, 0, 65_535),
                dbUrl,
                env.string("DB_USER", "postgres"),
                env.string("DB_PASSWORD", ""),
                weatherUrl.endsWith("/") ? weatherUrl.substring(0, weatherUrl.length() - 1) : weatherUrl,
                env.string("WEATHER_API_KEY", "demo"),
                maxThreads,
                minThreads,
                env.integer("METRICS_PORT", 0, 0, 65_535),
                env.integer("STARTUP_WARMUP_QUERIES", 0, 0, 1_000_000));
    }
}
