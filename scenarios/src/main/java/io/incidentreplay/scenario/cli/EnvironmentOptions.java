package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.BackendKind;
import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.seed.cli.DatabaseLogin;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where replays run: the embedded default, containers, or a user's PostgreSQL and Toxiproxy. */
final class EnvironmentOptions {

    @Option(names = "--env", defaultValue = "embedded", description = "embedded, containers or external (default: ${DEFAULT-VALUE})")
    String env;

    @Option(names = "--jdbc-url", description = "external: admin JDBC URL of the PostgreSQL to use")
    String jdbcUrl;

    @Option(names = "--db-user", description = "external: " + DatabaseLogin.USER_HELP)
    String dbUser;

    @Option(names = "--db-password", description = "external: " + DatabaseLogin.PASSWORD_HELP)
    String dbPassword;

    @Option(names = "--toxiproxy-url", description = "external: the Toxiproxy API URL, e.g. http://127.0.0.1:8474")
    String toxiproxyUrl;

    /** The backend, checked: an unknown name or a missing external URL is a usage error. */
    BackendKind backend() {
        BackendKind backend;
        try {
            backend = BackendKind.parse(env);
        } catch (RuntimeException e) {
            throw new UserError("--env: " + e.getMessage());
        }
        if (backend == BackendKind.EXTERNAL && (jdbcUrl == null || toxiproxyUrl == null)) {
            throw new UserError("--env external needs --jdbc-url (a PostgreSQL admin URL) and --toxiproxy-url (the Toxiproxy API)");
        }
        if (backend == BackendKind.EXTERNAL) {
            login();
        }
        return backend;
    }

    private DatabaseLogin login() {
        try {
            return DatabaseLogin.of(jdbcUrl, dbUser, dbPassword);
        } catch (IllegalArgumentException e) {
            throw new UserError("--jdbc-url " + e.getMessage());
        }
    }

    EnvironmentConfig config(Path output) {
        EnvironmentConfig.Builder config = EnvironmentConfig.custom().runDirectory(output.resolve("environment"));
        switch (backend()) {
            case EMBEDDED -> config.embedded();
            case CONTAINERS -> config.containers();
            case EXTERNAL -> {
                DatabaseLogin login = login();
                config.external(login.jdbcUrl(), login.user(), login.password(), toxiproxyUrl);
            }
        }
        return config.build();
    }
}
