package io.incidentreplay.seed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** Streams one generated table into PostgreSQL with {@code COPY ... FROM STDIN} (binary format). */
public final class TableLoader {

    private final CopyManager copyManager;

    public TableLoader(Connection connection) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Generates and sends every row of the table; returns the row count the server confirmed. */
    public long load(TableGenerator table, DatasetPlan plan) throws SQLException {
        CopyIn copy = copyManager.copyIn(
                "COPY " + table.table() + " (" + table.columns() + ") FROM STDIN (FORMAT binary)");
        try {
            CopyRowWriter writer = new CopyRowWriter(copy, table.columns().split(",").length);
            table.write(plan, writer);
            long written = writer.finish();
            long confirmed = copy.endCopy();
            if (confirmed != written) {
                throw new SQLException("COPY " + table.table() + " confirmed " + confirmed + " rows of " + written);
            }
            return confirmed;
        } catch (CopyRowWriter.CopyFailedException e) {
            throw e.getCause();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
