package io.incidentreplay.petforce.before;

import io.incidentreplay.petforce.core.CommonSettings;
import io.incidentreplay.petforce.core.Env;
import io.incidentreplay.petforce.core.PoolSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The incident-era settings (seed S0 WS1): pool of 100, acquire timeout 30 s, and no statement
 * or socket timeout at all (pgjdbc's defaults: a query or a read waits forever).
 *
 * @param dashboardUserId whose dashboard {@code GET /} shows; the ALB's default health check hit it (WS3)
 * @param petsFetchSize rows per round trip while streaming the unbounded pet list
 * @param weatherTimeout how long a weather call may take; zero (the default) is WS3's fetch without any
 *     timeout, and A6's caller sets the seed's 30 s
 * @param singleConnection one connection shared by every request and never opened again, instead of the
 *     pool: S4's app before its failover fix (A5)
 * @param databaseHealth serve {@code GET /health}, which asks the database: S3's one {@code /health} that
 *     both probes use (A9), so liveness fails whenever the database does
 */
public record BeforeSettings(CommonSettings common, PoolSettings pool, long dashboardUserId, int petsFetchSize,
        Duration weatherTimeout, boolean singleConnection, boolean databaseHealth) {

    public static BeforeSettings from(Env env) {
        PoolSettings pool = new PoolSettings(
                env.integer("DB_POOL_MAX_SIZE", 100, 1, 10_000),
                env.integer("DB_POOL_MIN_IDLE", 0, 0, 10_000),
                env.millis("DB_CONNECTION_TIMEOUT_MS", 30_000),
                env.millis("DB_IDLE_TIMEOUT_MS", 600_000),
                Map.of());
        return new BeforeSettings(
                CommonSettings.from(env),
                pool,
                env.longInteger("DASHBOARD_USER_ID", 1, 1),
                env.integer("PETS_FETCH_SIZE", 1_000, 1, 1_000_000),
                env.millis("WEATHER_TIMEOUT_MS", 0),
                env.flag("DB_SINGLE_CONNECTION", false),
                env.flag("DB_HEALTH_ENDPOINT", false));
    }
}
