package io.incidentreplay.petforce.after;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentreplay.petforce.after.AfterSettings.PageLimits;
import io.incidentreplay.petforce.core.Authenticator;
import io.incidentreplay.petforce.core.Database;
import io.incidentreplay.petforce.core.Json;
import io.javalin.http.Handler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * WS1's fix (seed S0 211–252): only the caller's pets, through household membership, newest first,
 * one page at a time, four pet fields plus the household's id and name; no medical or task joins.
 */
final class PaginatedPetList {

    private static final String COUNT = """
            SELECT count(*) FROM pets p
            JOIN household_members hm ON hm.household_id = p.household_id AND hm.user_id = ?
            WHERE p.deleted_at IS NULL
            """;

    private static final String PAGE = """
            SELECT p.id, p.name, p.type, p.photo_url, h.id AS household_id, h.name AS household_name
            FROM pets p
            JOIN household_members hm ON hm.household_id = p.household_id AND hm.user_id = ?
            JOIN households h ON h.id = p.household_id
            WHERE p.deleted_at IS NULL
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT ? OFFSET ?
            """;

    private final Database database;
    private final PageLimits limits;

    PaginatedPetList(Database database, PageLimits limits) {
        this.database = database;
        this.limits = limits;
    }

    Handler handler() {
        return ctx -> {
            PageRequest page;
            try {
                page = PageRequest.parse(ctx.queryParam("page"), ctx.queryParam("limit"), limits);
            } catch (PageRequest.Invalid invalid) {
                Json.codedError(ctx, 400, invalid.code, invalid.getMessage());
                return;
            }
            long userId = Authenticator.user(ctx).id();
            ObjectNode body = database.query(connection -> {
                long total;
                try (PreparedStatement ps = connection.prepareStatement(COUNT)) {
                    ps.setLong(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
                ObjectNode result = Json.object().put("success", true);
                ArrayNode data = result.putArray("data");
                try (PreparedStatement ps = connection.prepareStatement(PAGE)) {
                    ps.setLong(1, userId);
                    ps.setInt(2, page.limit());
                    ps.setLong(3, page.offset());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ObjectNode pet = data.addObject()
                                    .put("id", rs.getLong("id"))
                                    .put("name", rs.getString("name"))
                                    .put("type", rs.getString("type"))
                                    .put("photoUrl", rs.getString("photo_url"));
                            pet.putObject("household")
                                    .put("id", rs.getLong("household_id"))
                                    .put("name", rs.getString("household_name"));
                        }
                    }
                }
                result.putObject("pagination")
                        .put("page", page.page())
                        .put("limit", page.limit())
                        .put("total", total)
                        .put("totalPages", (total + page.limit() - 1) / page.limit());
                return result;
            });
            ctx.json(body);
        };
    }
}
