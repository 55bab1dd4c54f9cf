package io.incidentreplay.petforce.core;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Javalin on Jetty with a bounded request thread pool, configured the same way for both builds. */
public final class HttpServer {

    private HttpServer() {}

    /**
     * The server, its request threads exposed on {@code metrics} as Micrometer's {@code jetty_threads_*}
     * gauges: A6's "busy workers" ({@code jetty_threads_busy} reaching {@code jetty_threads_config_max}).
     */
    public static Javalin create(CommonSettings settings, Metrics metrics, Consumer<JavalinConfig> buildSpecific) {
        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // Bounded like the seed's worker count (incidents.md A6): saturation queues, it never grows.
            QueuedThreadPool threads = new QueuedThreadPool(settings.httpMaxThreads(), settings.httpMinThreads());
            threads.setName("http");
            new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(metrics.registry());
            config.jetty.threadPool = threads;
            buildSpecific.accept(config);
        });
    }
}
