package io.incidentreplay.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the load authenticates: which headers each authenticated request of the mix carries, and
 * where the values in them come from. Values may name fields of the load's feeder as
 * {@code #{field}} (Gatling's expression language), e.g. {@code Authorization: Bearer #{token}};
 * paths and bodies of the mix may use the same fields, e.g. {@code /orders/#{orderId}/items}.
 */
public sealed interface Auth {

    /** Header name to value template, for every request marked authenticated. */
    Map<String, String> headers();

    /** No authentication and no feeder. */
    record None() implements Auth {
        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    }

    /**
     * A feeder from a query against the replay's database: one record per row, a field per column
     * (by its label: quote it, {@code AS "orderId"}, to keep the case). The load draws the rows in turn.
     */
    record Query(String sql, Map<String, String> headers) implements Auth {
        public Query {
            Objects.requireNonNull(sql, "sql");
            headers = Map.copyOf(new LinkedHashMap<>(headers));
        }
    }

    /** A feeder from a CSV file whose first line names the fields. */
    record Csv(Path file, Map<String, String> headers) implements Auth {
        public Csv {
            Objects.requireNonNull(file, "file");
            headers = Map.copyOf(new LinkedHashMap<>(headers));
        }
    }

    /** The same headers on every authenticated request (an API key), with no feeder. */
    record Static(Map<String, String> headers) implements Auth {
        public Static {
            headers = Map.copyOf(new LinkedHashMap<>(headers));
        }
    }

    static Auth none() {
        return new None();
    }

    /** A bearer token from the named column of each row of {@code sql}. */
    static Auth bearerFromQuery(String sql, String tokenField) {
        return new Query(sql, Map.of("Authorization", "Bearer #{" + tokenField + "}"));
    }
}
