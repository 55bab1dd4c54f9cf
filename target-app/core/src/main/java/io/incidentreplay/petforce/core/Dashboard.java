package io.incidentreplay.petforce.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's two database reads, the same in both builds (seed S0 1867–1899): the households
 * the user owns, then the live pets of those households. Only the weather part differs per build.
 */
public final class Dashboard {

    private Dashboard() {}

    public static ArrayNode householdsOwnedBy(Connection connection, long userId) throws SQLException {
        ArrayNode households = Json.MAPPER.createArrayNode();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, name, owner_id, created_at FROM households WHERE owner_id = ? ORDER BY id")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    households.addObject()
                            .put("id", rs.getLong("id"))
                            .put("name", rs.getString("name"))
                            .put("ownerId", rs.getLong("owner_id"))
                            .put("createdAt", rs.getObject("created_at").toString());
                }
            }
        }
        return households;
    }

    public static ArrayNode petsIn(Connection connection, ArrayNode households) throws SQLException {
        List<Long> ids = new ArrayList<>();
        households.forEach(h -> ids.add(h.get("id").asLong()));
        ArrayNode pets = Json.MAPPER.createArrayNode();
        if (ids.isEmpty()) {
            return pets;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, household_id, name, type, breed, photo_url FROM pets"
                        + " WHERE household_id = ANY (?) AND deleted_at IS NULL ORDER BY id")) {
            Array idArray = connection.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pets.addObject()
                            .put("id", rs.getLong("id"))
                            .put("householdId", rs.getLong("household_id"))
                            .put("name", rs.getString("name"))
                            .put("type", rs.getString("type"))
                            .put("breed", rs.getString("breed"))
                            .put("photoUrl", rs.getString("photo_url"));
                }
            }
        }
        return pets;
    }

    /** {@code {"success":true,"data":{"households":..,"pets":..,"weather":..}}}. */
    public static ObjectNode response(ArrayNode households, ArrayNode pets, ObjectNode weather) {
        ObjectNode body = Json.object().put("success", true);
        ObjectNode data = body.putObject("data");
        data.set("households", households);
        data.set("pets", pets);
        data.set("weather", weather);
        return body;
    }
}
