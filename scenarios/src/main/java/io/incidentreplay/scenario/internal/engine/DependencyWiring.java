package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.fixtures.environment.ReplayEnvironment.AwsEndpoint;
import io.incidentreplay.scenario.Dependency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Points a build at its dependencies under the variable names its incident gives: the engine knows
 * no build's names. A replay points it at the fault proxies; {@code ./replay serve} at the database and
 * URLs the user names.
 */
public final class DependencyWiring {

    private DependencyWiring() {}

    /** Where a PostgreSQL dependency is and how to log in to it. */
    public record Login(String jdbcUrl, String user, String password) {}

    /**
     * Each dependency's variables: a PostgreSQL one's URL, user and password (those it names), an
     * HTTP one's URL, an S3 one's endpoint, bucket, region and credentials (those it names).
     *
     * @param httpUrl where each HTTP dependency is, asked once per dependency
     * @param s3 where each S3 dependency is, asked once per dependency
     * @param logs where each CloudWatch Logs dependency is; empty where there is none, and the build
     *     gets no variable for it
     */
    public static Map<String, String> variables(List<Dependency> dependencies, Login postgres,
            Function<Dependency.Http, String> httpUrl, Function<Dependency.S3, AwsEndpoint> s3,
            Function<Dependency.CloudWatchLogs, Optional<AwsEndpoint>> logs) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Dependency dependency : dependencies) {
            if (dependency instanceof Dependency.Postgres pg) {
                variables.put(pg.urlVariable(), postgres.jdbcUrl());
                if (pg.userVariable() != null) {
                    variables.put(pg.userVariable(), postgres.user());
                }
                if (pg.passwordVariable() != null) {
                    variables.put(pg.passwordVariable(), postgres.password());
                }
            } else if (dependency instanceof Dependency.Http http) {
                variables.put(http.urlVariable(), httpUrl.apply(http));
            } else if (dependency instanceof Dependency.S3 bucket) {
                AwsEndpoint endpoint = s3.apply(bucket);
                variables.put(bucket.urlVariable(), endpoint.url().toString());
                putIfNamed(variables, bucket.bucketVariable(), bucket.bucket());
                putIfNamed(variables, bucket.regionVariable(), endpoint.region());
                putIfNamed(variables, bucket.accessKeyVariable(), endpoint.accessKey());
                putIfNamed(variables, bucket.secretKeyVariable(), endpoint.secretKey());
            } else if (dependency instanceof Dependency.CloudWatchLogs groups) {
                logs.apply(groups).ifPresent(endpoint -> {
                    variables.put(groups.urlVariable(), endpoint.url().toString());
                    putIfNamed(variables, groups.regionVariable(), endpoint.region());
                    putIfNamed(variables, groups.accessKeyVariable(), endpoint.accessKey());
                    putIfNamed(variables, groups.secretKeyVariable(), endpoint.secretKey());
                });
            }
        }
        return variables;
    }

    private static void putIfNamed(Map<String, String> variables, String variable, String value) {
        if (variable != null) {
            variables.put(variable, value);
        }
    }

    /**
     * The variables of a replay: its own database through the PostgreSQL proxy, each HTTP dependency
     * through its proxy (its stub and proxy are started the first time a replay needs them), each S3
     * bucket through its proxy (the environment's S3 is started the first time one is asked for).
     */
    static Map<String, String> environment(List<Dependency> dependencies, ReplayEnvironment environment, String database) {
        dependencies.stream().filter(d -> d instanceof Dependency.Postgres && !d.name().equals(ReplayEnvironment.POSTGRES_PROXY))
                .findFirst().ifPresent(pg -> {
                    throw new ReplayException("the incident's PostgreSQL dependency is named '" + pg.name() + "', but the "
                            + "environment's PostgreSQL proxy is '" + ReplayEnvironment.POSTGRES_PROXY + "'; name it so");
                });
        return variables(dependencies, new Login(environment.jdbcUrl(database), environment.dbUser(), environment.dbPassword()),
                http -> environment.httpDependency(http.name(), http.stub()).toString(),
                bucket -> environment.s3Dependency(bucket.name()),
                groups -> environment.cloudWatchLogsDependency(groups.name()));
    }
}
