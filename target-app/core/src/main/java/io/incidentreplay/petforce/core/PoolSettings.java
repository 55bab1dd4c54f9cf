package io.incidentreplay.petforce.core;

import java.time.Duration;
import java.util.Map;

/**
 * One build's HikariCP settings.
 *
 * @param driverProperties pgjdbc connection properties (socketTimeout, options, ...)
 */
public record PoolSettings(
        int maximumPoolSize,
        int minimumIdle,
        Duration connectionTimeout,
        Duration idleTimeout,
        Map<String, String> driverProperties) {}
