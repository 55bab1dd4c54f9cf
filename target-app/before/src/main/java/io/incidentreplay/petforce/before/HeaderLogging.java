package io.incidentreplay.petforce.before;

import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS2's logging (seed S0 1150–1165): every request at INFO with every header, Authorization and
 * cookies included. That is the leak and the log volume a replay catches.
 */
final class HeaderLogging {

    static final String LOGGER = "petforce.requests";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private HeaderLogging() {}

    static Handler everyRequest() {
        return ctx -> log.info("Incoming request {} {} query={} headers={}",
                ctx.method(), ctx.path(), ctx.queryString(), ctx.headerMap());
    }
}
