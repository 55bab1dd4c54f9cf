package io.incidentreplay.seed;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/** Opens connections with errors a user can act on: host, port and database named, password never. */
final class Connections {

    private Connections() {}

    /** A plain pgjdbc data source; no pool, since a seed needs two or three connections in sequence. */
    static DataSource dataSource(String jdbcUrl, String user, String password) {
        PostgresTarget.parse(jdbcUrl);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    static Connection open(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw unreachable(describe(dataSource), e);
        }
    }

    static DatabaseUnreachableException unreachable(String target, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint = switch (state) {
            case "3D000" -> "the database does not exist; create it first (createdb) or fix the name in --jdbc-url";
            case "28P01", "28000" -> "authentication failed; check --db-user and --db-password (or $DB_PASSWORD)";
            default -> "check that PostgreSQL is running there and that host and port in --jdbc-url are right";
        };
        // pgjdbc's own message names host and port at most; it never contains the password
        return new DatabaseUnreachableException(
                "cannot connect to " + target + ": " + e.getMessage() + "; " + hint, e);
    }

    static String describe(DataSource dataSource) {
        BaseDataSource pg = pgjdbc(dataSource);
        if (pg != null) {
            String[] hosts = pg.getServerNames();
            int[] ports = pg.getPortNumbers();
            return new PostgresTarget(
                            hosts.length == 0 ? "localhost" : hosts[0],
                            ports.length == 0 || ports[0] == 0 ? "5432" : Integer.toString(ports[0]),
                            pg.getDatabaseName())
                    .describe();
        }
        return "the database behind " + dataSource.getClass().getSimpleName();
    }

    private static BaseDataSource pgjdbc(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(BaseDataSource.class) ? dataSource.unwrap(BaseDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
