package io.incidentreplay.scenario;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something the build calls, behind a fault proxy of the same name, and the environment variables
 * that point the build at that proxy. The replay's faults name these proxies.
 */
public sealed interface Dependency {

    /** The dependency's name, which is also its fault proxy's, e.g. {@code postgres}. */
    String name();

    /**
     * The replay's PostgreSQL database (its own clone of the dataset), through the proxy.
     *
     * @param urlVariable receives the JDBC URL through the proxy, e.g. {@code DATABASE_URL}
     * @param userVariable receives the user, or null when the build takes none
     * @param passwordVariable receives the password, or null
     */
    record Postgres(String name, String urlVariable, String userVariable, String passwordVariable) implements Dependency {
        public Postgres {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(urlVariable, "urlVariable");
        }
    }

    /**
     * An HTTP API, played by WireMock from mapping files, through the proxy.
     *
     * @param urlVariable receives the base URL through the proxy, e.g. {@code PAYMENTS_URL}
     * @param stub the folder of the stub's WireMock files: {@code mappings/*.json}, optionally {@code __files/}
     */
    record Http(String name, String urlVariable, Path stub) implements Dependency {
        public Http {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(urlVariable, "urlVariable");
            Objects.requireNonNull(stub, "stub");
        }
    }
}
