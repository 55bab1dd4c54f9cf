package io.incidentreplay.scenario.gatling;

import io.incidentreplay.scenario.internal.engine.StandaloneLoad;
import io.incidentreplay.scenario.internal.load.ReplaySimulation;

/**
 * An incident file's load as a plain Gatling simulation, for the gatling-maven-plugin or any other
 * Gatling launcher: its phases (open model, constant and ramp rates) and its request mix, sent to
 * the URL you give, with Gatling's own report at the end. It replays nothing around the load — no
 * database, no build, no verdict; {@code ./replay} does that. With {@code -Dtoxiproxy=URL} the
 * incident's toxics are applied at their phases on the Toxiproxy's proxies of the same names.
 *
 * <pre>
 * mvn -pl scenarios gatling:test -Dincident=examples/orders/incident/incident.yaml -DbaseUrl=http://127.0.0.1:8080
 * </pre>
 *
 * Optional: {@code -DtimeScale=1} (the incident's own by default), {@code -Drole=baseline} (whose
 * request timeout), {@code -Dtoxiproxy=http://127.0.0.1:8474}.
 */
public class IncidentSimulation extends ReplaySimulation {

    private final StandaloneLoad load;

    public IncidentSimulation() {
        this(StandaloneLoad.fromSystemProperties(System.out));
    }

    private IncidentSimulation(StandaloneLoad load) {
        super(load.plan());
        this.load = load;
    }

    @Override
    public void before() {
        System.out.println("incident load: " + load.describe());
        super.before();
    }

    @Override
    public void after() {
        load.close();
    }
}
