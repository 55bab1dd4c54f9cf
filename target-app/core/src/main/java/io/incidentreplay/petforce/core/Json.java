package io.incidentreplay.petforce.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** JSON in and out, and the error bodies both builds answer with. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The request's body as a JSON object, or null when it is not one (not JSON, or an array or a bare value). */
    public static ObjectNode objectBody(Context ctx) {
        try {
            return MAPPER.readTree(ctx.bodyAsBytes()) instanceof ObjectNode object ? object : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"success":false,"error":"<message>"}}, the seed's error shape. */
    public static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("success", false, "error", message));
    }

    /** {@code {"success":false,"error":{"code":..,"message":..}}}, the seed middleware's shape. */
    public static void codedError(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("success", false, "error", Map.of("code", code, "message", message)));
    }
}
