package io.incidentreplay.seed.internal;

import static io.incidentreplay.seed.testsupport.TunedPostgres.count;
import static io.incidentreplay.seed.testsupport.TunedPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.seed.testsupport.TunedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The binary COPY encoding read back by a real PostgreSQL: every kind of value, and buffer boundaries. */
class CopyRowWriterIT {

    private static final String COLUMNS = "id, label, composed, flag, at, day";
    private static TunedPostgres postgres;
    private static DataSource db;

    @BeforeAll
    static void start() throws Exception {
        postgres = TunedPostgres.start();
        db = postgres.freshDatabase("copy_writer");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void every_kind_of_value_arrives_as_written() throws SQLException {
        long epochSecond = OffsetDateTime.of(2025, 7, 31, 23, 59, 58, 0, ZoneOffset.UTC).toEpochSecond();
        long beforePostgresEpoch = OffsetDateTime.of(1999, 12, 31, 0, 0, 1, 0, ZoneOffset.UTC).toEpochSecond();
        copy("kinds", out -> {
            out.number(-9_000_000_000L).text(CopyRowWriter.utf8("Zoë\t\\ \"Bo\"\nline\r"))
                    .open(40).append(CopyRowWriter.utf8("pft_")).appendHex(0xABCDEFL).appendNumber(-42)
                    .bool(true).timestamp(epochSecond).date(LocalDate.of(2025, 7, 31).toEpochDay());
            out.endRow();
            out.number(2).nul().concat(CopyRowWriter.utf8("a"), CopyRowWriter.utf8(" "), CopyRowWriter.utf8("b"))
                    .bool(false).timestamp(beforePostgresEpoch).nul();
            out.endRow();
        });

        assertThat(query(db, "SELECT concat_ws('|', id, label, composed, flag, at AT TIME ZONE 'UTC', day) "
                + "FROM kinds WHERE id < 0"))
                .isEqualTo("-9000000000|Zoë\t\\ \"Bo\"\nline\r|pft_0000000000abcdef-42|t|2025-07-31 23:59:58|2025-07-31");
        assertThat(query(db, "SELECT concat_ws('|', id, coalesce(label, 'NULL'), composed, flag, "
                + "at AT TIME ZONE 'UTC', coalesce(day::text, 'NULL')) FROM kinds WHERE id = 2"))
                .isEqualTo("2|NULL|a b|f|1999-12-31 00:00:01|NULL");
    }

    @Test
    void rows_and_composed_values_that_cross_buffer_flushes_arrive_whole() throws SQLException {
        int rows = 50_000; // ~4 MB: the 256 KiB buffer is flushed about 16 times, mid-row
        copy("many", out -> {
            for (long id = 1; id <= rows; id++) {
                out.number(id).text(CopyRowWriter.utf8("label " + id)).open(24).appendNumber(id * 7)
                        .bool(id % 2 == 0).timestamp(id).date(id % 20_000);
                out.endRow();
            }
        });

        assertThat(count(db, "SELECT count(*) FROM many")).isEqualTo(rows);
        assertThat(count(db, "SELECT count(*) FROM many WHERE label = 'label ' || id AND composed = (id * 7)::text "
                + "AND flag = (id % 2 = 0) AND at = to_timestamp(id) AND day = DATE '1970-01-01' + (id % 20000)::int"))
                .as("rows whose every value matches what was written").isEqualTo(rows);
    }

    @Test
    void a_row_with_a_value_missing_is_refused_before_it_is_sent() throws SQLException {
        assertThatThrownBy(() -> copy("short_row", out -> {
            out.number(1).text(CopyRowWriter.utf8("only two of six"));
            out.endRow();
        })).isInstanceOf(IllegalStateException.class).hasMessage("a row of 2 values for 6 columns");
    }

    private static void copy(String table, Consumer<CopyRowWriter> rows) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id bigint, label text, composed text, flag boolean, "
                    + "at timestamptz, day date)");
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
            try {
                CopyRowWriter writer = new CopyRowWriter(copy, 6);
                rows.accept(writer);
                writer.finish();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
