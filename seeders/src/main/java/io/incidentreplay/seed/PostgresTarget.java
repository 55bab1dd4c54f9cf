package io.incidentreplay.seed;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Where a PostgreSQL JDBC URL points: host, port and database, for error messages that must never
 * echo the URL (it may carry a password) and for deriving the URL of another database on the server.
 */
public record PostgresTarget(String host, String port, String database) {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

    /** Parses a {@code jdbc:postgresql://host:port/database} URL; anything else is rejected with an example. */
    public static PostgresTarget parse(String jdbcUrl) {
        Properties parsed = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: expected the form "
                    + "jdbc:postgresql://host:port/database, e.g. jdbc:postgresql://127.0.0.1:5432/petforce");
        }
        return new PostgresTarget(
                parsed.getProperty("PGHOST"), parsed.getProperty("PGPORT"), parsed.getProperty("PGDBNAME"));
    }

    /** The same URL (host, port, parameters) pointing at {@code database}. */
    public static String withDatabase(String jdbcUrl, String database) {
        parse(jdbcUrl);
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot derive a database URL from a URL of this form; "
                    + "use jdbc:postgresql://host:port/database");
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** "database 'petforce' on 127.0.0.1:5432". */
    public String describe() {
        return "database '" + database + "' on host " + host + ", port " + port;
    }
}
