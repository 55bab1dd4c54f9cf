package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import io.incidentreplay.seed.DatasetSource;
import io.incidentreplay.seed.TemplateCache;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replay's own database: a clone of the dataset's cached template, read over a direct
 * connection (never through the fault proxy) for the data-volume check, the load's feeder and the
 * final queries, and dropped at teardown.
 */
final class ReplayDatabase {

    private final ReplayEnvironment environment;
    private final String name;

    private ReplayDatabase(ReplayEnvironment environment, String name) {
        this.environment = environment;
        this.name = name;
    }

    /**
     * Clones the dataset's template (loading it first if this environment has none yet) as {@code name},
     * after dropping what killed harnesses of this machine left on the server: a server the harness
     * does not own keeps their clones otherwise.
     */
    static ReplayDatabase cloneOf(ReplayEnvironment environment, DatasetSource dataset, String name) {
        TemplateCache templates = templates(environment);
        templates.dropClonesOfDeadHarnesses();
        templates.cloneFor(dataset, name);
        return new ReplayDatabase(environment, name);
    }

    String name() {
        return name;
    }

    /** The number a one-row, one-column query returns. */
    long count(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new ReplayException("cannot count '" + sql + "' in " + name + ": " + e.getMessage(), e);
        }
    }

    /** The load's feeder from a query: one record per row, a field per column label. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData columns = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new ReplayException("the auth query failed in " + name + ": " + e.getMessage() + " (query: " + sql + ")", e);
        }
    }

    /**
     * Runs each query (series name to SQL returning one number) and adds its value to the timeline at
     * {@code atMillis}, source {@code db}.
     *
     * @throws SQLException when a query fails; the values before it are in the timeline
     */
    void runInto(Map<String, String> queries, Timeline timeline, long atMillis) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (ResultSet rs = s.executeQuery(query.getValue())) {
                    rs.next();
                    timeline.add(new Sample(atMillis, query.getKey(), "db", rs.getDouble(1)));
                }
            }
        }
    }

    void drop() {
        templates(environment).drop(name);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(environment.directJdbcUrl(name), environment.dbUser(), environment.dbPassword());
    }

    private static TemplateCache templates(ReplayEnvironment environment) {
        return new TemplateCache(environment.adminJdbcUrl(), environment.dbUser(), environment.dbPassword());
    }
}
