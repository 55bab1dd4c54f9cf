package io.incidentreplay.scenario.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./replay serve before|after}: runs one reference build in the foreground, against a
 * PostgreSQL the user names. The build migrates the schema itself; seed it with {@code ./replay seed}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ReplayCli.USAGE_ERROR,
        description = "Run a reference PetForce build (before or after) in the foreground.")
final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUILD", description = "before (incident-era code) or after (the fixes)")
    String build;

    @Option(names = "--jdbc-url", required = true,
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/petforce")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:DB_PASSWORD}",
            description = "database password (default: $DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--weather-url", defaultValue = "http://127.0.0.1:8089",
            description = "base URL of the weather API (default: ${DEFAULT-VALUE})")
    String weatherUrl;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jar = ReferenceBuilds.jar(build);
        checkArguments();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", dbUser);
        if (dbPassword != null) {
            env.put("DB_PASSWORD", dbPassword);
        }
        env.put("WEATHER_API_URL", weatherUrl);
        Process process = builder.start();
        // Ctrl-C reaches the child through the terminal's process group; this covers a plain kill.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process.waitFor();
    }

    private void checkArguments() {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new UserError("--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), but was '"
                    + jdbcUrl + "'");
        }
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be between 0 and 65535, but was " + port);
        }
        try {
            URI uri = URI.create(weatherUrl);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("--weather-url must be an absolute URL such as http://127.0.0.1:8089, but was '"
                    + weatherUrl + "'");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
