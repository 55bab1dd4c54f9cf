package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import io.incidentreplay.scenario.Dependency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a build at its dependencies through their fault proxies, under the variable names its
 * incident gives: the engine knows no build's names.
 */
final class DependencyWiring {

    private DependencyWiring() {}

    /**
     * @param database the replay's own database, for a PostgreSQL dependency
     * An HTTP dependency's stub and proxy are started the first time a replay needs them.
     */
    static Map<String, String> environment(List<Dependency> dependencies, ReplayEnvironment environment, String database) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Dependency dependency : dependencies) {
            if (dependency instanceof Dependency.Postgres pg) {
                if (!pg.name().equals(ReplayEnvironment.POSTGRES_PROXY)) {
                    throw new ReplayException("the incident's PostgreSQL dependency is named '" + pg.name() + "', but the "
                            + "environment's PostgreSQL proxy is '" + ReplayEnvironment.POSTGRES_PROXY + "'; name it so");
                }
                variables.put(pg.urlVariable(), environment.jdbcUrl(database));
                if (pg.userVariable() != null) {
                    variables.put(pg.userVariable(), environment.dbUser());
                }
                if (pg.passwordVariable() != null) {
                    variables.put(pg.passwordVariable(), environment.dbPassword());
                }
            } else if (dependency instanceof Dependency.Http http) {
                variables.put(http.urlVariable(), environment.httpDependency(http.name(), http.stub()).toString());
            }
        }
        return variables;
    }
}
