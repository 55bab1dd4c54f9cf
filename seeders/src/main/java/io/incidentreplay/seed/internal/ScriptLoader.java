package io.incidentreplay.seed.internal;

import io.incidentreplay.seed.SeedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Loads a SQL script into a database: plain SQL statements, and the {@code COPY … FROM stdin;} blocks
 * of a plain-format {@code pg_dump} streamed through the COPY protocol up to their {@code \.} line.
 * Statements between COPY blocks run as one batch of simple queries, as psql would send them.
 * The restrict and unrestrict lines newer pg_dump versions write for psql are skipped; any other
 * backslash command is not SQL and is refused with its line.
 */
public final class ScriptLoader {

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^\\s*COPY\\s.+\\sFROM\\s+stdin\\b.*;\\s*$");

    private ScriptLoader() {}

    public static void load(DataSource target, Path script) {
        try (Connection connection = target.getConnection();
                BufferedReader lines = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            connection.setAutoCommit(true);
            StringBuilder statements = new StringBuilder();
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (COPY_FROM_STDIN.matcher(line).matches()) {
                    execute(connection, statements, script, number);
                    number += copy(connection, line, lines, script, number);
                } else if (line.startsWith("\\")) {
                    String command = line.split("\\s+")[0].toLowerCase(Locale.ROOT);
                    if (!command.equals("\\restrict") && !command.equals("\\unrestrict")) {
                        throw new SeedException(script + " line " + number + ": '" + command + "' is a psql command, not SQL; "
                                + "write the dump with pg_dump --format=plain and without --create, or remove the line");
                    }
                } else {
                    statements.append(line).append('\n');
                }
            }
            execute(connection, statements, script, number);
        } catch (IOException e) {
            throw new SeedException("cannot read the dataset script " + script + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SeedException("the dataset script " + script + " failed: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, StringBuilder statements, Path script, int line) throws SQLException {
        if (statements.toString().isBlank()) {
            statements.setLength(0);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(statements.toString());
        } catch (SQLException e) {
            throw new SQLException("in the statements before line " + line + " of " + script.getFileName() + ": " + e.getMessage(), e);
        }
        statements.setLength(0);
    }

    /** Streams the block's data lines into the COPY, without holding them; returns how many lines it read. */
    private static int copy(Connection connection, String copy, BufferedReader lines, Path script, int line)
            throws IOException, SQLException {
        Block block = new Block(lines);
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.trim().replaceAll(";\\s*$", ""), block);
        if (!block.ended) {
            throw new SeedException(script + " line " + line + ": the COPY block has no closing '\\.' line");
        }
        return block.read;
    }

    /** The data lines of one COPY block, up to (not including) its {@code \.} line. */
    private static final class Block extends Reader {
        private final BufferedReader lines;
        private String current = "";
        private int position;
        private boolean ended;
        private int read;

        Block(BufferedReader lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (position == current.length()) {
                if (ended) {
                    return -1;
                }
                String row = lines.readLine();
                if (row != null) {
                    read++;
                }
                if (row == null || row.equals("\\.")) {
                    ended = row != null;
                    current = "";
                    return -1;
                }
                current = row + "\n";
                position = 0;
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
            // the script's reader is closed by load()
        }
    }
}
