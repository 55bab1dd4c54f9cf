package io.incidentreplay.petforce.before;

import com.fasterxml.jackson.core.JsonGenerator;
import io.incidentreplay.petforce.core.Database;
import io.incidentreplay.petforce.core.Json;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * WS1's disaster endpoint: {@code GET /api/v1/pets} returns every live pet with household → owner,
 * medical records → medications and tasks → assignee, with no limit (seed S0 139–166).
 *
 * <p>Like Sequelize's eager {@code include}, it is one query whose joins multiply rows (records ×
 * tasks per pet: about 1M rows at 250k pets). Unlike Sequelize it streams (a cursor plus a
 * streaming JSON writer) so the JVM survives; the point kept is the incident's: the pooled
 * connection is held for the whole response.
 */
final class UnboundedPetList {

    private static final String QUERY = """
            SELECT p.id, p.household_id, p.name, p.type, p.breed, p.photo_url, p.created_at, p.updated_at,
                   h.name AS household_name, h.owner_id,
                   o.email AS owner_email, o.name AS owner_name, o.zip_code AS owner_zip,
                   mr.id AS record_id, mr.record_type, mr.description, mr.visit_date,
                   m.id AS medication_id, m.name AS medication_name, m.dosage,
                   t.id AS task_id, t.title, t.due_at, t.completed,
                   a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email
            FROM pets p
            LEFT JOIN households h ON p.household_id = h.id
            LEFT JOIN users o ON h.owner_id = o.id
            LEFT JOIN medical_records mr ON mr.pet_id = p.id
            LEFT JOIN medications m ON m.medical_record_id = mr.id
            LEFT JOIN tasks t ON t.pet_id = p.id
            LEFT JOIN users a ON t.assignee_id = a.id
            WHERE p.deleted_at IS NULL
            ORDER BY p.id
            """;

    /**
     * Sequelize sent this query unordered and grouped the rows in the Node heap (the tasks' OOM). We
     * stream, which needs each pet's rows together: with a sort, PostgreSQL writes ~400 MB of temp
     * files per request at 250k pets, and a hundred concurrent requests would fill the harness
     * machine's disk — a failure the incident never had. Without one, it walks pets in primary-key
     * order through the indexes: the same rows and the same CPU-bound load on the database.
     */
    private static final String WALK_PETS_IN_KEY_ORDER = "SET LOCAL enable_sort = off";

    private final Database database;
    private final int fetchSize;

    UnboundedPetList(Database database, int fetchSize) {
        this.database = database;
        this.fetchSize = fetchSize;
    }

    Handler handler() {
        return ctx -> database.query(connection -> {
            // pgjdbc only uses a cursor (fetchSize) inside a transaction.
            connection.setAutoCommit(false);
            try (Statement noSort = connection.createStatement()) {
                noSort.execute(WALK_PETS_IN_KEY_ORDER);
            }
            try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rows = ps.executeQuery()) {
                    ctx.status(200).contentType("application/json");
                    write(rows, ctx.res().getOutputStream());
                }
            } catch (IOException clientGone) {
                throw new SQLException("client went away while the pet list was streaming", clientGone);
            } finally {
                // Read-only; HikariCP restores auto-commit when the connection goes back to the pool.
                connection.rollback();
            }
            return null;
        });
    }

    private static void write(ResultSet rows, OutputStream out) throws SQLException, IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("success", true);
            json.writeArrayFieldStart("data");
            PetGraph pet = null;
            while (rows.next()) {
                long petId = rows.getLong("id");
                if (pet == null || pet.id() != petId) {
                    if (pet != null) {
                        pet.write(json);
                    }
                    pet = PetGraph.from(rows);
                }
                pet.addRow(rows);
            }
            if (pet != null) {
                pet.write(json);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
