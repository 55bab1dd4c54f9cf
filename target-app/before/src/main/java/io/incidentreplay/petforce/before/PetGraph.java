package io.incidentreplay.petforce.before;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pet rebuilt from its joined rows, Sequelize-style nesting: household → owner, medical
 * records → medications, tasks → assignee. Only one pet is in memory at a time.
 */
final class PetGraph {

    private final long id;
    private final Map<String, Object> pet = new LinkedHashMap<>();
    private final Map<String, Object> household = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> records = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> tasks = new LinkedHashMap<>();

    private PetGraph(long id) {
        this.id = id;
    }

    long id() {
        return id;
    }

    static PetGraph from(ResultSet row) throws SQLException {
        PetGraph graph = new PetGraph(row.getLong("id"));
        graph.pet.put("id", graph.id);
        graph.pet.put("householdId", row.getLong("household_id"));
        graph.pet.put("name", row.getString("name"));
        graph.pet.put("type", row.getString("type"));
        graph.pet.put("breed", row.getString("breed"));
        graph.pet.put("photoUrl", row.getString("photo_url"));
        graph.pet.put("createdAt", text(row.getObject("created_at")));
        graph.pet.put("updatedAt", text(row.getObject("updated_at")));
        graph.household.put("id", row.getLong("household_id"));
        graph.household.put("name", row.getString("household_name"));
        graph.household.put("ownerId", row.getLong("owner_id"));
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("id", row.getLong("owner_id"));
        owner.put("email", row.getString("owner_email"));
        owner.put("name", row.getString("owner_name"));
        owner.put("zipCode", row.getString("owner_zip"));
        graph.household.put("owner", owner);
        return graph;
    }

    /** Merges one joined row: the cross product repeats records and tasks, keyed by id here. */
    @SuppressWarnings("unchecked")
    void addRow(ResultSet row) throws SQLException {
        long recordId = row.getLong("record_id");
        if (!row.wasNull()) {
            Map<String, Object> record = records.computeIfAbsent(recordId, rid -> new LinkedHashMap<>());
            if (record.isEmpty()) {
                record.put("id", recordId);
                record.put("recordType", row.getString("record_type"));
                record.put("description", row.getString("description"));
                record.put("visitDate", text(row.getObject("visit_date")));
                record.put("medications", new LinkedHashMap<Long, Map<String, Object>>());
            }
            long medicationId = row.getLong("medication_id");
            if (!row.wasNull()) {
                Map<Long, Map<String, Object>> medications = (Map<Long, Map<String, Object>>) record.get("medications");
                Map<String, Object> medication = new LinkedHashMap<>();
                medication.put("id", medicationId);
                medication.put("name", row.getString("medication_name"));
                medication.put("dosage", row.getString("dosage"));
                medications.putIfAbsent(medicationId, medication);
            }
        }
        long taskId = row.getLong("task_id");
        if (!row.wasNull() && !tasks.containsKey(taskId)) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", taskId);
            task.put("title", row.getString("title"));
            task.put("dueAt", text(row.getObject("due_at")));
            task.put("completed", row.getBoolean("completed"));
            long assigneeId = row.getLong("assignee_id");
            if (row.wasNull()) {
                task.put("assignee", null);
            } else {
                Map<String, Object> assignee = new LinkedHashMap<>();
                assignee.put("id", assigneeId);
                assignee.put("name", row.getString("assignee_name"));
                assignee.put("email", row.getString("assignee_email"));
                task.put("assignee", assignee);
            }
            tasks.put(taskId, task);
        }
    }

    @SuppressWarnings("unchecked")
    void write(JsonGenerator json) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>(pet);
        out.put("household", household);
        List<Map<String, Object>> recordList = new ArrayList<>();
        for (Map<String, Object> record : records.values()) {
            Map<String, Object> copy = new LinkedHashMap<>(record);
            copy.put("medications", new ArrayList<>(((Map<Long, Map<String, Object>>) record.get("medications")).values()));
            recordList.add(copy);
        }
        out.put("medicalRecords", recordList);
        out.put("tasks", new ArrayList<>(tasks.values()));
        json.writeObject(out);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
