package io.incidentreplay.petforce.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HikariCP pool. Hikari silently replaces a {@code connectionTimeout} under 250 ms and
 * an {@code idleTimeout} under 10 s; a compressed replay can ask for less, so we raise the value
 * ourselves and say so in the log, rather than let a replay run with a setting nobody sees.
 */
public final class Pools {

    /** The pool's name, the {@code pool} tag of every {@code hikaricp_*} metric. */
    public static final String POOL_NAME = "petforce";

    static final Duration HIKARI_MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    static final Duration HIKARI_MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Pools.class);

    private Pools() {}

    public static HikariDataSource open(CommonSettings common, PoolSettings pool, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(common.dbUrl());
        config.setUsername(common.dbUser());
        config.setPassword(common.dbPassword());
        config.setMaximumPoolSize(pool.maximumPoolSize());
        config.setMinimumIdle(pool.minimumIdle());
        config.setConnectionTimeout(atLeastHikariMinimum(
                "DB_CONNECTION_TIMEOUT_MS", pool.connectionTimeout(), HIKARI_MIN_CONNECTION_TIMEOUT).toMillis());
        config.setIdleTimeout(atLeastHikariMinimum(
                "DB_IDLE_TIMEOUT_MS", pool.idleTimeout(), HIKARI_MIN_IDLE_TIMEOUT).toMillis());
        // Start even when the database is briefly unreachable; requests then fail as they would in production.
        config.setInitializationFailTimeout(-1);
        pool.driverProperties().forEach(config::addDataSourceProperty);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        return new HikariDataSource(config);
    }

    static Duration atLeastHikariMinimum(String variable, Duration requested, Duration minimum) {
        if (requested.compareTo(minimum) >= 0) {
            return requested;
        }
        log.warn("{}={} ms is below HikariCP's minimum of {} ms; using {} ms", variable, requested.toMillis(),
                minimum.toMillis(), minimum.toMillis());
        return minimum;
    }
}
