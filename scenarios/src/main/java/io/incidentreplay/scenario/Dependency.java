package io.incidentreplay.scenario;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something the build calls (PostgreSQL, an HTTP API, an S3 bucket) behind a fault proxy of the same
 * name, and the environment variables that point the build at that proxy. The replay's faults name
 * these proxies.
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

    /**
     * A bucket of an S3 API (the environment's: S3Mock, LocalStack or the user's endpoint), through
     * the proxy. Each replay starts with the bucket empty (every version deleted) and without a
     * lifecycle configuration, so that what the replay reads there is what its build stored.
     *
     * @param bucket the bucket the build stores in, e.g. {@code petforce-user-uploads}
     * @param versioning whether the bucket keeps every version of a key
     * @param urlVariable receives the endpoint through the proxy, e.g. {@code S3_URL} (path-style)
     * @param bucketVariable receives the bucket's name, or null
     * @param regionVariable receives the region, or null
     * @param accessKeyVariable receives the access key id, or null
     * @param secretKeyVariable receives the secret access key, or null
     */
    record S3(String name, String bucket, boolean versioning, String urlVariable, String bucketVariable, String regionVariable,
            String accessKeyVariable, String secretKeyVariable) implements Dependency {
        public S3 {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(urlVariable, "urlVariable");
            if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("an S3 bucket name is 3 to 63 lower-case letters, digits, dots and hyphens, "
                        + "such as petforce-user-uploads, not '" + bucket + "'");
            }
        }
    }

    /**
     * CloudWatch Logs (the environment's, where it has one: LocalStack in containers, or the user's
     * {@code --logs-url}), through the proxy. Where the environment has none (the embedded default),
     * the build gets no URL, and what is read there is not checkable, and says so. Each replay starts
     * with no log group under {@code prefix}, so that what it reads there is what its build put.
     *
     * @param prefix the log groups the replay reads (and deletes before it), e.g. {@code /ecs/}
     * @param urlVariable receives the endpoint through the proxy, e.g. {@code CLOUDWATCH_LOGS_URL}
     * @param regionVariable receives the region, or null
     * @param accessKeyVariable receives the access key id, or null
     * @param secretKeyVariable receives the secret access key, or null
     */
    record CloudWatchLogs(String name, String prefix, String urlVariable, String regionVariable, String accessKeyVariable,
            String secretKeyVariable) implements Dependency {
        public CloudWatchLogs {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(urlVariable, "urlVariable");
            if (prefix == null || !prefix.startsWith("/")) {
                throw new IllegalArgumentException("a log group prefix starts with /, such as /ecs/, not '" + prefix + "'");
            }
        }
    }
}
