package io.incidentreplay.petforce.core;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus registry behind {@code GET /metrics}: HikariCP gauges (bound by {@link Pools}),
 * HTTP server timers ({@code http_server_requests_seconds}), JVM memory and threads, and in the
 * after build the circuit breakers; optionally also on a port of its own ({@link #serveOn}).
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private HttpServer management;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Called by Javalin's request logger once a response is complete. */
    public void recordRequest(Context ctx, float millis) {
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("uri", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /**
     * Also serves the scrape on its own port and thread, like a management port: when every request
     * thread is busy (WS1: all of them waiting for a connection), {@code /metrics} on the main port
     * queues behind them, and the pool gauges go dark exactly when they matter. 0 turns it off.
     */
    public void serveOn(int port) {
        if (port == 0) {
            return;
        }
        try {
            management = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new IllegalArgumentException("METRICS_PORT " + port + " cannot be bound: " + e.getMessage(), e);
        }
        management.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        management.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "metrics-port");
            thread.setDaemon(true);
            return thread;
        }));
        management.start();
    }

    public Handler scrapeHandler() {
        return ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** The route template, not the raw path, so pet ids do not explode the tag's cardinality. */
    public static String route(Context ctx) {
        if (ctx.statusCode() == 404) {
            return "NOT_FOUND";
        }
        try {
            return ctx.endpointHandlerPath();
        } catch (RuntimeException answeredBeforeTheEndpoint) {
            // e.g. 401 from the authenticator: no endpoint was reached, so template the ids ourselves.
            return ctx.path().replaceAll("/\\d+(?=/|$)", "/{id}");
        }
    }

    @Override
    public void close() {
        if (management != null) {
            management.stop(0);
        }
        gc.close();
        registry.close();
    }
}
