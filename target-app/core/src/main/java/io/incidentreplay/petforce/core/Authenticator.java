package io.incidentreplay.petforce.core;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up {@code Authorization: Bearer <token>} in {@code api_tokens}. Missing or unknown tokens
 * get 401 JSON; a known token puts the {@link User} on the request for the handlers. The
 * {@link #PUBLIC_PATHS} (exact paths: the login, which is how a client would get a session) pass
 * through without a token.
 */
public final class Authenticator {

    private static final String USER = "petforce.user";
    private static final String PREFIX = "Bearer ";
    /** Paths under {@code /api/*} that need no token, matched exactly. */
    public static final Set<String> PUBLIC_PATHS = Set.of(Login.PATH);

    private final Database database;

    public Authenticator(Database database) {
        this.database = database;
    }

    public Handler handler() {
        return ctx -> {
            if (PUBLIC_PATHS.contains(ctx.path())) {
                return;
            }
            String header = ctx.header("Authorization");
            if (header == null || !header.startsWith(PREFIX) || header.length() == PREFIX.length()) {
                Json.error(ctx, 401, "missing bearer token: send 'Authorization: Bearer <token>'");
                ctx.skipRemainingHandlers();
                return;
            }
            String token = header.substring(PREFIX.length()).trim();
            Optional<User> user = database.query(connection -> byToken(connection, token));
            if (user.isEmpty()) {
                Json.error(ctx, 401, "unknown bearer token");
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.attribute(USER, user.get());
        };
    }

    public static User user(Context ctx) {
        User user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("no authenticated user on " + ctx.path() + ": is the route behind the authenticator?");
        }
        return user;
    }

    public static Optional<User> byId(Connection connection, long userId) throws SQLException {
        return single(connection, "SELECT id, email, name, zip_code FROM users WHERE id = ?",
                ps -> ps.setLong(1, userId));
    }

    private static Optional<User> byToken(Connection connection, String token) throws SQLException {
        return single(connection,
                "SELECT u.id, u.email, u.name, u.zip_code FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token = ?",
                ps -> ps.setString(1, token));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<User> single(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
    }
}
