package io.incidentreplay.scenario.cli;

import io.incidentreplay.fixtures.environment.BackendKind;
import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.seed.cli.DatabaseLogin;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where replays run: the embedded default, containers, or a user's PostgreSQL, Toxiproxy and S3. */
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

    @Option(names = "--s3-url", description = "external: the S3 endpoint, path-style, for incidents with an S3 dependency, "
            + "e.g. http://127.0.0.1:4566 (LocalStack); credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    String s3Url;

    @Option(names = "--logs-url", description = "embedded or external: a CloudWatch Logs endpoint for incidents that read log "
            + "groups, e.g. http://127.0.0.1:4566 (LocalStack) or moto_server's; without one, those checks are not checkable "
            + "(containers run LocalStack's)")
    String logsUrl;

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
        if (backend != BackendKind.EXTERNAL && s3Url != null) {
            throw new UserError("--s3-url is for --env external; the " + backend + " environment runs its own S3");
        }
        if (backend == BackendKind.CONTAINERS && logsUrl != null) {
            throw new UserError("--logs-url is for --env embedded or external; the containers environment runs LocalStack's "
                    + "CloudWatch Logs");
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
                try {
                    config.external(login.jdbcUrl(), login.user(), login.password(), toxiproxyUrl, s3Url);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
            }
        }
        if (logsUrl != null) {
            try {
                config.cloudWatchLogs(logsUrl);
            } catch (IllegalArgumentException e) {
                throw new UserError("--logs-url: " + e.getMessage());
            }
        }
        return config.build();
    }
}
