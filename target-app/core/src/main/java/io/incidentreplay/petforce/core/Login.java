package io.incidentreplay.petforce.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code POST /api/v1/auth/login} (seed S0 1235, one of the smart logging's "important paths"),
 * reachable without a bearer token ({@link Authenticator#PUBLIC_PATHS}). Body
 * {@code {"email":"..","password":".."}}, other fields ignored.
 *
 * <p>Every login is refused: the PetForce dataset keeps no credentials (users carry API tokens
 * only, {@code V1__tables.sql}), and the replay's logins are meant to be failed sign-ins. A failed
 * sign-in is a 4xx, the class the after build logs in full (headers, query, body) with redaction,
 * so the password in its body is exactly what must not reach the logs (A7's leak path). The
 * database is never touched.
 */
public final class Login {

    public static final String PATH = "/api/v1/auth/login";

    private Login() {}

    public static Handler handler() {
        return Login::refuse;
    }

    private static void refuse(Context ctx) {
        JsonNode body = Json.objectBody(ctx);
        if (body == null) {
            Json.error(ctx, 400, "body must be a JSON object like {\"email\":\"user1@example.com\",\"password\":\"...\"}");
        } else if (!nonEmptyString(body, "email")) {
            Json.error(ctx, 400, "email is required: a non-empty string");
        } else if (!nonEmptyString(body, "password")) {
            Json.error(ctx, 400, "password is required: a non-empty string");
        } else {
            Json.error(ctx, 401, "invalid email or password");
        }
    }

    private static boolean nonEmptyString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank();
    }
}
