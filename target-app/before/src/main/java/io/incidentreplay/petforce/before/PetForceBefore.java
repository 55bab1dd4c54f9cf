package io.incidentreplay.petforce.before;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.incidentreplay.petforce.core.Authenticator;
import io.incidentreplay.petforce.core.Dashboard;
import io.incidentreplay.petforce.core.Database;
import io.incidentreplay.petforce.core.Env;
import io.incidentreplay.petforce.core.HttpServer;
import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.LogGroups;
import io.incidentreplay.petforce.core.Login;
import io.incidentreplay.petforce.core.Metrics;
import io.incidentreplay.petforce.core.Migrations;
import io.incidentreplay.petforce.core.PhotoStorage;
import io.incidentreplay.petforce.core.PhotoUpload;
import io.incidentreplay.petforce.core.PooledDatabase;
import io.incidentreplay.petforce.core.Pools;
import io.incidentreplay.petforce.core.StartupWarmup;
import io.incidentreplay.petforce.core.TaskWrites;
import io.incidentreplay.petforce.core.User;
import io.incidentreplay.petforce.core.WeatherApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PetForce API as it ran during the war stories: unbounded pet list (WS1), every request logged
 * with all its headers and its body (WS2), photos stored as they came into a versioned bucket (WS2), blocking weather call on the dashboard that {@code GET /}
 * also serves (WS3), and no SIGTERM handling. Run with {@code java -jar petforce-before.jar};
 * settings in target-app/README.md.
 */
public final class PetForceBefore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PetForceBefore.class);

    private final BeforeSettings settings;
    private final Metrics metrics;
    /** The pool, or with DB_SINGLE_CONNECTION the one connection: closed at stop. */
    private final AutoCloseable connections;
    private final Optional<PhotoStorage> photos;
    private final Javalin app;

    private PetForceBefore(BeforeSettings settings, Optional<PhotoStorage> photos) {
        this.settings = settings;
        this.photos = photos;
        Migrations.apply(settings.common());
        this.metrics = new Metrics();
        metrics.serveOn(settings.common().metricsPort());
        Database database;
        if (settings.singleConnection()) {
            SingleConnectionDatabase single = new SingleConnectionDatabase(settings.common());
            database = single;
            this.connections = single;
        } else {
            HikariDataSource pool = Pools.open(settings.common(), settings.pool(), metrics.registry());
            database = new PooledDatabase(pool);
            this.connections = pool;
        }
        BlockingWeather weather = new BlockingWeather(
                new WeatherApi(settings.common().weatherApiUrl(), settings.common().weatherApiKey()),
                settings.weatherTimeout());
        StartupWarmup.run(database, settings.common().startupWarmupQueries()); // before it listens: nothing answers meanwhile
        Authenticator authenticator = new Authenticator(database);

        this.app = HttpServer.create(settings.common(), metrics, config ->
                config.requestLogger.http(metrics::recordRequest));
        app.before(HeaderLogging.everyRequest());
        app.before("/api/*", authenticator.handler());
        app.post(Login.PATH, Login.handler());
        app.get("/api/v1/pets", new UnboundedPetList(database, settings.petsFetchSize()).handler());
        app.get("/api/v1/dashboard", ctx -> dashboard(ctx, Authenticator.user(ctx), database, weather));
        app.post("/api/v1/pets/{id}/tasks", new TaskWrites(database).handler());
        app.before(PhotoUpload.PATH, authenticator.handler());
        app.post(PhotoUpload.PATH, OriginalPhotoUpload.handler(photos));
        // No health endpoint: the ALB's default health check path "/" is the dashboard (WS3).
        app.get("/", ctx -> dashboard(ctx, fixedUser(database), database, weather));
        if (settings.databaseHealth()) {
            app.get("/health", ctx -> databaseHealth(ctx, database));
        }
        app.get("/metrics", metrics.scrapeHandler());
        app.exception(Exception.class, (e, ctx) -> {
            log.error("Request error on {} {}", ctx.method(), ctx.path(), e);
            Json.error(ctx, 500, "Internal server error");
        });
    }

    /**
     * The incident-era log group: the awslogs driver created it on first use, with CloudWatch's
     * default of keeping every event forever (incidents.md A7: "no retention").
     */
    static final List<LogGroups.Group> LOG_GROUPS = List.of(new LogGroups.Group("/ecs/api", null));

    /** Migrates the schema, opens the pool and starts serving; throws on bad settings. */
    public static PetForceBefore start(Env env) {
        PetForceBefore before = new PetForceBefore(BeforeSettings.from(env), PhotoStorage.from(env));
        before.app.start(before.settings.common().port());
        LogGroups.put(env, LOG_GROUPS);
        return before;
    }

    public int port() {
        return app.port();
    }

    /** Stops serving and closes the pool or the connection (tests; the incident-era process itself just dies on SIGTERM). */
    public void stop() {
        app.stop();
        try {
            connections.close();
        } catch (Exception e) {
            log.warn("closing the database connections failed: {}", e.toString());
        }
        photos.ifPresent(PhotoStorage::close);
        metrics.close();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Households, then the weather with no timeout, then pets (seed S0 1867–1899). Each query
     * borrows its own connection, as Sequelize does; the request thread waits on the weather.
     */
    private static void dashboard(Context ctx, User user, Database database, BlockingWeather weather) throws Exception {
        ArrayNode households = database.query(connection -> Dashboard.householdsOwnedBy(connection, user.id()));
        ObjectNode observation = weather.observationFor(user.zipCode());
        ArrayNode pets = database.query(connection -> Dashboard.petsIn(connection, households));
        ctx.json(Dashboard.response(households, pets, observation));
    }

    /**
     * S3's {@code /health}, liveness and readiness in one: {@code SELECT 1} through the pool, so it waits
     * for a connection as long as any request does, and fails whenever the database is gone (A9).
     */
    private static void databaseHealth(Context ctx, Database database) {
        try {
            database.query(connection -> {
                try (var statement = connection.createStatement()) {
                    return statement.execute("SELECT 1");
                }
            });
            ctx.json(Map.of("status", "ok"));
        } catch (Exception e) {
            log.warn("Health check failed: {}", e.toString());
            Json.error(ctx, 503, "database unavailable");
        }
    }

    private User fixedUser(Database database) throws Exception {
        long id = settings.dashboardUserId();
        return database.query(connection -> Authenticator.byId(connection, id))
                .orElseThrow(() -> new IllegalStateException("DASHBOARD_USER_ID=" + id + " names no user in the database"));
    }

    public static void main(String[] args) {
        PetForceBefore before;
        try {
            before = start(Env.system());
        } catch (IllegalArgumentException badSetting) {
            System.err.println("PetForce before: " + badSetting.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException cannotStart) {
            System.err.println("PetForce before: cannot start (is the database at DB_URL reachable?): " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        // Deliberately no SIGTERM handling: the JVM exits at once and in-flight requests are dropped (A4).
        System.out.println("PetForce before listening on port " + before.port());
    }
}
