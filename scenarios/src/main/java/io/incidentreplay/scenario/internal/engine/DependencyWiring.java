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
     * @throws ReplayException naming the dependency, when the environment has no proxy for it
     */
    static Map<String, String> environment(List<Dependency> dependencies, ReplayEnvironment environment, String database) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Dependency dependency : dependencies) {
            if (dependency instanceof Dependency.Postgres pg) {
                requireProxy(environment, pg.name(), ReplayEnvironment.POSTGRES_PROXY);
                variables.put(pg.urlVariable(), environment.jdbcUrl(database));
                if (pg.userVariable() != null) {
                    variables.put(pg.userVariable(), environment.dbUser());
                }
                if (pg.passwordVariable() != null) {
                    variables.put(pg.passwordVariable(), environment.dbPassword());
                }
            } else if (dependency instanceof Dependency.Http http) {
                requireProxy(environment, http.name(), ReplayEnvironment.WEATHER_API_PROXY);
                variables.put(http.urlVariable(), environment.weatherApiUrl().toString());
            }
        }
        return variables;
    }

    private static void requireProxy(ReplayEnvironment environment, String wanted, String available) {
        if (!wanted.equals(available)) {
            throw new ReplayException("the incident's dependency '" + wanted + "' has no proxy in this environment, which has '"
                    + ReplayEnvironment.POSTGRES_PROXY + "' (PostgreSQL) and '" + ReplayEnvironment.WEATHER_API_PROXY
                    + "' (an HTTP stub); name the dependency after one of them");
        }
    }
}
