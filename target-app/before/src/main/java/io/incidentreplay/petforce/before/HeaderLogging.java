package io.incidentreplay.petforce.before;

import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS2's logging (seed S0 1140–1165, incidents.md A7 "Before"): every request at INFO with every
 * header, Authorization and cookies included, the query string and the body, passwords included.
 * That is the leak and the log volume a replay catches.
 *
 * <p>It runs in {@code app.before}, ahead of the handlers. Reading the body there is safe: Javalin
 * reads the request stream once and caches the bytes, so {@code ctx.body()} and
 * {@code ctx.bodyAsBytes()} in the handlers see the same body (BeforeBuildIT checks it).
 */
final class HeaderLogging {

    static final String LOGGER = "petforce.requests";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private HeaderLogging() {}

    static Handler everyRequest() {
        return ctx -> log.info("Incoming request {} {} query={} headers={} body={}",
                ctx.method(), ctx.path(), ctx.queryString(), ctx.headerMap(), body(ctx));
    }

    /**
     * The body as the seed's Express logged {@code req.body}: a multipart form's text fields only, as
     * multer leaves them (the file goes to the handler, and reading the stream here would take it away).
     */
    private static Object body(io.javalin.http.Context ctx) {
        return String.valueOf(ctx.contentType()).startsWith("multipart/form-data") ? ctx.formParamMap() : ctx.body();
    }
}
