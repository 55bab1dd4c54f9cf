package io.incidentreplay.seed.cli;

import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.postgresql.Driver;

/**
 * How every database command reads its login ({@code seed}, {@code serve}, {@code run} and
 * {@code gate} with {@code --env external}): {@code --db-user} and {@code --db-password} when given,
 * else the {@code user} and {@code password} in the JDBC URL's query (read by pgjdbc's own parser),
 * else {@code postgres} and {@code $DB_PASSWORD}.
 *
 * @param jdbcUrl the URL without its {@code user} and {@code password} parameters
 * @param password empty for none
 */
public record DatabaseLogin(String jdbcUrl, String user, String password) {

    /** The options' help texts, the same for every command. */
    public static final String USER_HELP = "database user (default: the URL's user, else postgres)";
    public static final String PASSWORD_HELP = "database password (default: the URL's password, else $DB_PASSWORD)";

    /**
     * @param userOption {@code --db-user}, or null when not given
     * @param passwordOption {@code --db-password}, or null when not given
     * @throws IllegalArgumentException when the URL is no PostgreSQL JDBC URL
     */
    public static DatabaseLogin of(String jdbcUrl, String userOption, String passwordOption) {
        Properties url = jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://") ? null : Driver.parseURL(jdbcUrl, new Properties());
        if (url == null) {
            throw new IllegalArgumentException("must be a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/postgres"
                    + " (user and password may be in it: ?user=postgres&password=...), but was '" + jdbcUrl + "'");
        }
        return new DatabaseLogin(withoutLogin(jdbcUrl), first(userOption, url.getProperty("user"), "postgres"),
                first(passwordOption, url.getProperty("password"), System.getenv("DB_PASSWORD"), ""));
    }

    /** The URL without its user and password: pgjdbc lets those override the login it is given, and the options must win. */
    private static String withoutLogin(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl;
        }
        String kept = Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password=") && !p.isEmpty())
                .collect(Collectors.joining("&"));
        return jdbcUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + user + "@" + jdbcUrl + "]";
    }
}
