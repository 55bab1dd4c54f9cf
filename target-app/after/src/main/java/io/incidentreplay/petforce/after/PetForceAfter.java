package io.incidentreplay.petforce.after;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.incidentreplay.petforce.core.Authenticator;
import io.incidentreplay.petforce.core.Dashboard;
import io.incidentreplay.petforce.core.Database;
import io.incidentreplay.petforce.core.Env;
import io.incidentreplay.petforce.core.HttpServer;
import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.LogGroups;
import io.incidentreplay.petforce.core.Login;
import io.incidentreplay.petforce.core.PhotoStorage;
import io.incidentreplay.petforce.core.PhotoUpload;
import io.incidentreplay.petforce.core.Metrics;
import io.incidentreplay.petforce.core.Migrations;
import io.incidentreplay.petforce.core.PooledDatabase;
import io.incidentreplay.petforce.core.Pools;
import io.incidentreplay.petforce.core.StartupWarmup;
import io.incidentreplay.petforce.core.TaskWrites;
import io.incidentreplay.petforce.core.User;
import io.incidentreplay.petforce.core.WeatherApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PetForce API after the post-mortems: paginated pet list, pool of 20 with server-side
 * timeouts, database and weather circuit breakers, weather fallback, isolated health probes,
 * sampled and redacted logging, graceful shutdown on SIGTERM. Settings in target-app/README.md.
 */
public final class PetForceAfter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PetForceAfter.class);

    private final AfterSettings settings;
    private final Metrics metrics;
    private final HikariDataSource pool;
    private final CircuitBreakerRegistry breakers;
    private final BreakerGuardedDatabase database;
    private final ResilientWeather weather;
    private final HealthProbes probes;
    private final Optional<PhotoStorage> photos;
    private final Javalin app;

    private PetForceAfter(AfterSettings settings, Optional<PhotoStorage> photos) {
        this.photos = photos;
        this.settings = settings;
        this.metrics = new Metrics();
        metrics.serveOn(settings.common().metricsPort());
        this.pool = Pools.open(settings.common(), settings.pool(), metrics.registry());
        this.breakers = CircuitBreakerRegistry.ofDefaults();
        CircuitBreaker databaseBreaker = breaker("database",
                settings.databaseBreaker().toConfig(DatabaseFailures::isUnavailability));
        CircuitBreaker weatherBreaker = breaker("weather", settings.weatherBreaker().toConfig(failure -> true));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        // no waiting for a permit: over the limit the dashboard gets its fallback at once
        Bulkhead weatherBulkhead = bulkheads.bulkhead("weather", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.weather().maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(metrics.registry());

        this.database = new BreakerGuardedDatabase(new PooledDatabase(pool), databaseBreaker, settings.databaseCallTimeout());
        this.weather = new ResilientWeather(
                new WeatherApi(settings.common().weatherApiUrl(), settings.common().weatherApiKey()),
                settings.weather(), weatherBulkhead, weatherBreaker, Clock.systemUTC());
        this.probes = new HealthProbes(pool, settings.readinessDatabaseTimeout());
        RequestLog requestLog = new RequestLog(settings.logSampleRate(), settings.slowRequest().toMillis(),
                settings.logImportantPaths());

        this.app = HttpServer.create(settings.common(), metrics, config -> {
            config.requestLogger.http((ctx, millis) -> {
                metrics.recordRequest(ctx, millis);
                requestLog.completed(ctx, millis);
            });
            // Graceful stop: Jetty stops accepting, waits for in-flight requests (counted by the
            // StatisticsHandler) for what SHUTDOWN_TIMEOUT_MS leaves after the delay, then closes the rest.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.shutdownTimeout().minus(settings.shutdownDelay()).toMillis());
                server.setHandler(new StatisticsHandler());
            });
        });
        app.get("/", ctx -> ctx.json(Map.of("service", "petforce", "build", "after", "status", "ok")));
        app.get("/health/liveness", probes::liveness);
        app.get("/health/readiness", probes::readiness);
        app.get("/health/startup", probes::startup);
        app.get("/metrics", ctx -> {
            if (probes.started()) {
                metrics.scrapeHandler().handle(ctx);
            } else {
                Json.error(ctx, 503, "starting: migrations or start-up warm-up not done yet");
            }
        });
        for (String served : List.of("/api/*", PhotoUpload.PATH)) {
            app.before(served, ctx -> {
                if (!probes.started()) {
                    Json.error(ctx, 503, "starting: migrations or start-up warm-up not done yet");
                    ctx.skipRemainingHandlers();
                }
            });
        }
        Authenticator authenticator = new Authenticator(database);
        app.before("/api/*", authenticator.handler());
        app.before(PhotoUpload.PATH, authenticator.handler());
        app.post(PhotoUpload.PATH, OptimizedPhotoUpload.handler(photos, settings.uploadConcurrency()));
        app.post(Login.PATH, Login.handler());
        app.get("/api/v1/pets", new PaginatedPetList(database, settings.pages()).handler());
        app.get("/api/v1/dashboard", ctx -> dashboard(ctx, database));
        app.post("/api/v1/pets/{id}/tasks", new TaskWrites(database).handler());
        app.exception(Exception.class, (e, ctx) -> {
            if (DatabaseFailures.isUnavailability(e)) {
                log.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                Json.error(ctx, 503, "database unavailable: " + e.getMessage());
            } else {
                log.error("Request error on {} {}", ctx.method(), ctx.path(), e);
                Json.error(ctx, 500, "Internal server error");
            }
        });
    }

    /**
     * Starts serving at once (liveness answers; readiness, startup, /metrics and the API answer 503
     * {@code starting}), migrates the schema, then reports started. Throws on bad settings.
     */
    /** WS2's fix (S0 1645–1652; incidents.md A7): the API's events a week, the errors a month. */
    static final List<LogGroups.Group> LOG_GROUPS = List.of(new LogGroups.Group("/ecs/api", 7),
            new LogGroups.Group("/ecs/errors", 30));

    public static PetForceAfter start(Env env) {
        PetForceAfter after = new PetForceAfter(AfterSettings.from(env), PhotoStorage.from(env));
        after.app.start(after.settings.common().port());
        try {
            Migrations.apply(after.settings.common());
            StartupWarmup.run(new PooledDatabase(after.pool), after.settings.common().startupWarmupQueries());
            after.photos.ifPresent(UploadLifecycle::apply);
            LogGroups.put(env, LOG_GROUPS);
        } catch (RuntimeException migrationFailed) {
            after.stop();
            throw migrationFailed;
        }
        after.probes.startUpDone();
        return after;
    }

    public int port() {
        return app.port();
    }

    /** Readiness answers 503 {@code shutting-down} from now on; the caller then calls {@link #stop()}. */
    public void beginDrain() {
        probes.beginDrain();
    }

    /**
     * The seed's graceful shutdown (S0 2312–2372): readiness fails at once, no new connections,
     * in-flight requests finish (up to {@code SHUTDOWN_TIMEOUT_MS}), then the pool closes. With
     * {@code SHUTDOWN_DELAY_MS}, the server keeps serving that long after readiness failed and before
     * it stops accepting (A4's order); the timeout counts from SIGTERM either way.
     */
    public void stop() {
        beginDrain();
        Duration delay = settings.shutdownDelay();
        if (!delay.isZero()) {
            // A4's order: fail readiness first and keep serving while the load balancer takes the target
            // out, then stop accepting; stopping at once refuses the requests still routed here
            log.info("Shutting down: readiness now 503, serving {} ms more before the server stops accepting", delay.toMillis());
            pause(delay);
        }
        log.info("Shutting down: readiness now 503, draining in-flight requests (up to {} ms)",
                settings.shutdownTimeout().minus(delay).toMillis());
        app.stop();
        weather.close();
        database.close();
        probes.close();
        pool.close();
        photos.ifPresent(PhotoStorage::close);
        metrics.close();
        log.info("Graceful shutdown complete");
    }

    @Override
    public void close() {
        stop();
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop now: whoever interrupted wants the process down
        }
    }

    CircuitBreaker breaker(String name) {
        return breakers.circuitBreaker(name);
    }

    private CircuitBreaker breaker(String name, io.github.resilience4j.circuitbreaker.CircuitBreakerConfig config) {
        CircuitBreaker breaker = breakers.circuitBreaker(name, config);
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker '{}': {}", name, event.getStateTransition()));
        return breaker;
    }

    /** Households and pets from the database, then the weather through breaker and fallback. */
    private void dashboard(Context ctx, Database database) throws Exception {
        User user = Authenticator.user(ctx);
        ArrayNode[] rows = database.query(connection -> {
            ArrayNode households = Dashboard.householdsOwnedBy(connection, user.id());
            return new ArrayNode[] {households, Dashboard.petsIn(connection, households)};
        });
        ctx.json(Dashboard.response(rows[0], rows[1], weather.observationFor(user.zipCode())));
    }

    public static void main(String[] args) {
        PetForceAfter after;
        try {
            after = start(Env.system());
        } catch (IllegalArgumentException badSetting) {
            System.err.println("PetForce after: " + badSetting.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException cannotStart) {
            System.err.println("PetForce after: cannot start (is the database at DB_URL reachable?): " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(after::stop, "graceful-shutdown"));
        System.out.println("PetForce after listening on port " + after.port());
    }
}
