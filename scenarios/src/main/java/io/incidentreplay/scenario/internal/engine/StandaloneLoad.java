package io.incidentreplay.scenario.internal.engine;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.incidentreplay.scenario.Auth;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.internal.file.IncidentFile;
import io.incidentreplay.scenario.internal.load.LoadPlan;
import io.incidentreplay.scenario.internal.load.LoadStop;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * An incident's load on its own, for Gatling's launchers (the gatling-maven-plugin): the incident
 * file's phases and request mix sent to any URL, with none of the replay around it — no database, no
 * launched build, no load balancer, no verdict. With a Toxiproxy URL the fault timeline plays too,
 * on the proxies named like the incident's dependencies (they must exist already).
 *
 * <p>Read from system properties, so that {@code mvn gatling:test -Dincident=… -DbaseUrl=…} is all
 * it takes: {@code incident} (the file), {@code baseUrl}, and optionally {@code timeScale} (the
 * incident's own by default), {@code role} (whose request timeout, {@code candidate} by default)
 * and {@code toxiproxy} (e.g. {@code http://127.0.0.1:8474}).
 */
public final class StandaloneLoad implements AutoCloseable {

    private final LoadPlan plan;
    private final Plan realTime;
    private final Incident incident;
    private final TimeScale scale;
    private final ToxiproxyClient toxiproxy;
    private final PrintStream out;
    private FaultScheduler faults;

    private StandaloneLoad(Incident incident, TimeScale scale, String baseUrl, Role role, ToxiproxyClient toxiproxy, PrintStream out) {
        this.incident = incident;
        this.scale = scale;
        this.toxiproxy = toxiproxy;
        this.out = out;
        this.realTime = Plan.of(incident, role, scale);
        plan = new LoadPlan(baseUrl, realTime.phases(), incident.load().mix(), feeder(incident.auth()), incident.auth().headers(),
                realTime.requestTimeout(), new RequestLog(), this::loadStarted, new LoadStop(),
                incident.logs().map(LogWatch::requestIdHeader).orElse(null));
    }

    /** @throws IllegalArgumentException naming the property that is missing or wrong and what it should be */
    public static StandaloneLoad fromSystemProperties(PrintStream out) {
        Properties p = System.getProperties();
        Path file = Path.of(required(p, "incident", "the incident file, e.g. -Dincident=examples/orders/incident/incident.yaml"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("-Dincident=" + file + ": no such file (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        }
        String baseUrl = required(p, "baseUrl", "the service to load, e.g. -DbaseUrl=http://127.0.0.1:8080");
        URI base = URI.create(baseUrl);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("-DbaseUrl=" + baseUrl + " is not a URL such as http://127.0.0.1:8080");
        }
        Incident incident = IncidentFile.load(file).incident();
        String scaleText = p.getProperty("timeScale", "");
        TimeScale scale = scaleText.isBlank() ? incident.defaultTimeScale() : TimeScale.parse(scaleText);
        Role role = Role.valueOf(p.getProperty("role", "candidate").trim().toUpperCase(Locale.ROOT));
        String toxiproxyUrl = p.getProperty("toxiproxy", "");
        ToxiproxyClient toxiproxy = toxiproxyUrl.isBlank() ? null : client(toxiproxyUrl);
        return new StandaloneLoad(incident, scale, baseUrl, role, toxiproxy, out);
    }

    public LoadPlan plan() {
        return plan;
    }

    /** What runs, in one paragraph: printed before the load starts. */
    public String describe() {
        String faultsText = toxiproxy == null
                ? "no faults (give -Dtoxiproxy=http://host:8474 to play the fault timeline)"
                : incident.faults().size() + " fault(s) through the Toxiproxy at " + toxiproxy;
        return incident.id() + " at time scale " + scale + ": " + plan.phases().size() + " phases, "
                + plan.mix().size() + " request(s) to " + plan.baseUrl() + "; " + faultsText;
    }

    private void loadStarted(long atMillis) {
        if (toxiproxy == null) {
            return;
        }
        faults = new FaultScheduler(toxiproxy, "",
                FaultScheduler.untouchable("replacing an instance needs instances the harness launched; run the incident with ./replay"),
                this::listenAddress, event -> out.println(FaultScheduler.line(event)));
        faults.start(incident.faults().stream().filter(f -> f instanceof Fault.Toxic || f instanceof Fault.Outage).toList(),
                realTime.windows(atMillis), scale, Set.of(), Optional::empty, why -> { });
    }

    /**
     * Where a proxy listens, as its Toxiproxy says: an outage's canary connects there. A wildcard
     * address ({@code [::]:5432}, {@code 0.0.0.0:5432}) is taken as this machine.
     */
    private Optional<InetSocketAddress> listenAddress(String proxy) {
        try {
            String listen = toxiproxy.getProxy(proxy).getListen();
            int colon = listen.lastIndexOf(':');
            String host = listen.substring(0, colon).replace("[", "").replace("]", "");
            boolean wildcard = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
            return Optional.of(new InetSocketAddress(wildcard ? "127.0.0.1" : host,
                    Integer.parseInt(listen.substring(colon + 1))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Ends the fault timeline and takes off what is still applied (each step was said as it happened). */
    @Override
    public void close() {
        if (faults == null) {
            return;
        }
        faults.close();
        for (Fault fault : incident.faults()) {
            try {
                if (fault instanceof Fault.Toxic toxic) {
                    toxiproxy.getProxy(toxic.proxy()).toxics().get(toxic.name()).remove();
                } else if (fault instanceof Fault.Outage outage) {
                    toxiproxy.getProxy(outage.proxy()).enable();
                }
            } catch (IOException e) {
                // not applied, or already removed at its phase's end
            }
        }
    }

    private static List<Map<String, Object>> feeder(Auth auth) {
        if (auth instanceof Auth.Csv csv) {
            return CsvFeeder.read(csv.file());
        }
        if (auth instanceof Auth.Query) {
            throw new IllegalArgumentException("the incident's auth is a query against the replay's database, which a "
                    + "load on its own does not have: give the load a CSV feeder (auth: {csv: file}) or static headers");
        }
        return List.of();
    }

    private static ToxiproxyClient client(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("-Dtoxiproxy=" + url + " is not a URL with a port such as http://127.0.0.1:8474");
        }
        return new ToxiproxyClient(uri.getHost(), uri.getPort());
    }

    private static String required(Properties p, String name, String example) {
        String value = p.getProperty(name, "");
        if (value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is missing: " + example);
        }
        return value.trim();
    }
}
