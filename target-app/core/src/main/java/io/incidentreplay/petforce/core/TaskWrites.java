package io.incidentreplay.petforce.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /api/v1/pets/{id}/tasks}: the write both builds accept, so a replay can prove that
 * no acknowledged write is lost. Body {@code {"title":"..","dueAt":"ISO-8601"?,"assigneeId":n?}};
 * answers 201 with the stored task once the insert has committed.
 */
public final class TaskWrites {

    private final Database database;

    public TaskWrites(Database database) {
        this.database = database;
    }

    public Handler handler() {
        return ctx -> {
            long petId;
            try {
                petId = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                Json.error(ctx, 400, "pet id must be a number, but was '" + ctx.pathParam("id") + "'");
                return;
            }
            JsonNode body = Json.objectBody(ctx);
            if (body == null) {
                Json.error(ctx, 400, "body must be a JSON object like {\"title\":\"Walk\",\"dueAt\":\"2026-11-23T10:00:00Z\",\"assigneeId\":1}");
                return;
            }
            String title = body.path("title").asText("").trim();
            if (title.isEmpty()) {
                Json.error(ctx, 400, "title is required: a non-empty string");
                return;
            }
            OffsetDateTime dueAt = null;
            if (body.hasNonNull("dueAt")) {
                try {
                    dueAt = OffsetDateTime.parse(body.get("dueAt").asText());
                } catch (DateTimeParseException e) {
                    Json.error(ctx, 400, "dueAt must be an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:00:00Z, but was '"
                            + body.get("dueAt").asText() + "'");
                    return;
                }
            }
            Long assigneeId = body.hasNonNull("assigneeId") ? body.get("assigneeId").asLong() : null;
            insert(ctx, petId, title, dueAt, assigneeId);
        };
    }

    private void insert(Context ctx, long petId, String title, OffsetDateTime dueAt, Long assigneeId) throws SQLException {
        OffsetDateTime due = dueAt;
        ObjectNode task = database.query(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO tasks (pet_id, assignee_id, title, due_at)"
                            + " SELECT p.id, u.id, ?, ? FROM pets p LEFT JOIN users u ON u.id = ?"
                            + " WHERE p.id = ? AND p.deleted_at IS NULL AND (? IS NULL OR u.id IS NOT NULL)"
                            + " RETURNING id, pet_id, assignee_id, title, due_at, completed, created_at")) {
                ps.setString(1, title);
                ps.setObject(2, due);
                ps.setObject(3, assigneeId);
                ps.setLong(4, petId);
                ps.setObject(5, assigneeId, java.sql.Types.BIGINT);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    ObjectNode row = Json.object()
                            .put("id", rs.getLong("id"))
                            .put("petId", rs.getLong("pet_id"))
                            .put("title", rs.getString("title"))
                            .put("completed", rs.getBoolean("completed"))
                            .put("createdAt", rs.getObject("created_at").toString());
                    long assignee = rs.getLong("assignee_id");
                    row.set("assigneeId", rs.wasNull() ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(assignee));
                    Object dueValue = rs.getObject("due_at");
                    row.put("dueAt", dueValue == null ? null : dueValue.toString());
                    return row;
                }
            }
        });
        if (task == null) {
            Json.error(ctx, 404, "no live pet " + petId + (assigneeId == null ? "" : " or no user " + assigneeId + " to assign"));
            return;
        }
        ObjectNode body = Json.object().put("success", true);
        body.set("data", task);
        ctx.status(201).json(body);
    }
}
