package io.incidentreplay.petforce.after;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentreplay.petforce.core.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS2's fix, the seed's {@code smartLogging} (S0 1180–1275, incidents.md A7 "After"): log every
 * error (status ≥ 400), every slow request (over {@code LOG_SLOW_REQUEST_MS}), every mutation and
 * every request to an important path, and a {@code LOG_SAMPLE_RATE} share (10%) of the other GETs.
 * The important paths ({@code LOG_IMPORTANT_PATHS}) are the seed's {@code importantPaths}: login,
 * register, {@code /api/v1/households} and {@code /api/v1/pets}, so every {@code /api/v1/pets} GET
 * is logged, as in the seed (A7 pitfall: the hottest GETs escape the sampling). A path is important
 * when it equals a prefix or starts with the prefix and {@code /} (the seed's bare
 * {@code startsWith} would also take {@code /api/v1/petsitters}).
 *
 * <p>Every event carries the request id from {@code X-Request-Id} ({@code requestId=-} when the
 * header is missing) right after the path. Details (headers, query, body) only for errors, with
 * credentials redacted: a failed login is logged in full, its password replaced by
 * {@value #REDACTED}.
 */
final class RequestLog {

    static final String LOGGER = "petforce.requests";
    static final String REDACTED = "[REDACTED]";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "set-cookie", "x-api-key",
            "proxy-authorization");
    private static final Set<String> SECRET_FIELDS = Set.of("password", "token", "apikey", "api_key", "secret");

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String NO_REQUEST_ID = "-";

    private final double sampleRate;
    private final long slowMillis;
    private final List<String> importantPaths;

    /** {@code importantPaths}: path prefixes logged at 100%; a trailing {@code /} is ignored. */
    RequestLog(double sampleRate, long slowMillis, List<String> importantPaths) {
        this.sampleRate = sampleRate;
        this.slowMillis = slowMillis;
        this.importantPaths = importantPaths.stream()
                .map(prefix -> prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                .toList();
    }

    void completed(Context ctx, float millis) {
        boolean error = ctx.statusCode() >= 400;
        boolean slow = millis > slowMillis;
        boolean mutation = !Set.of("GET", "HEAD", "OPTIONS").contains(ctx.method().name());
        if (!(error || slow || mutation || important(ctx.path()) || ThreadLocalRandom.current().nextDouble() < sampleRate)) {
            return;
        }
        if (error) {
            log.info("Request completed {} {} requestId={} status={} durationMs={} query={} headers={} body={}",
                    ctx.method(), ctx.path(), requestId(ctx), ctx.statusCode(), Math.round(millis),
                    redactQuery(ctx.queryParamMap()), redactHeaders(ctx.headerMap()), redactBody(ctx.body()));
        } else {
            log.info("Request completed {} {} requestId={} status={} durationMs={}", ctx.method(), ctx.path(),
                    requestId(ctx), ctx.statusCode(), Math.round(millis));
        }
    }

    boolean important(String path) {
        for (String prefix : importantPaths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String requestId(Context ctx) {
        String id = ctx.header(REQUEST_ID_HEADER);
        return id == null || id.isBlank() ? NO_REQUEST_ID : id.trim();
    }

    static Map<String, String> redactHeaders(Map<String, String> headers) {
        Map<String, String> safe = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> safe.put(name, SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value));
        return safe;
    }

    static Map<String, Object> redactQuery(Map<String, List<String>> query) {
        Map<String, Object> safe = new TreeMap<>();
        query.forEach((name, values) -> safe.put(name, SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : values));
        return safe;
    }

    /** JSON bodies with secret fields blanked at any depth; anything else is summarised by length. */
    static String redactBody(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            redactFields(json);
            return json.toString();
        } catch (Exception notJson) {
            return "<" + body.length() + " chars, not JSON>";
        }
    }

    private static void redactFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                    object.put(name, REDACTED);
                } else {
                    redactFields(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(RequestLog::redactFields);
        }
    }
}
