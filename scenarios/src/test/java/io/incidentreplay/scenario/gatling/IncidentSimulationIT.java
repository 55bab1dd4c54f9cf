package io.incidentreplay.scenario.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.gatling.app.Gatling$;
import io.incidentreplay.fixtures.faultproxy.FaultProxyServer;
import io.incidentreplay.scenario.internal.engine.StandaloneLoad;
import io.incidentreplay.scenario.internal.load.LoggingSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example service's incident load run by Gatling's own launcher, as the gatling-maven-plugin
 * runs it: against a URL of our choosing, writing Gatling's report, and with a Toxiproxy URL its
 * fault timeline on the proxy of the same name. At time scale 0.01 its five phases last a second each.
 */
class IncidentSimulationIT {

    private static final Path INCIDENT = Path.of("..", "examples", "orders", "incident", "incident.yaml").toAbsolutePath().normalize();

    private HttpServer service;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    @TempDir
    Path results;

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", ex -> {
            requests.incrementAndGet();
            paths.add(ex.getRequestURI().getPath());
            byte[] body = "{}".getBytes();
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
        System.setProperty("incident", INCIDENT.toString());
        System.setProperty("timeScale", "0.01");
    }

    @AfterEach
    void stop() {
        service.stop(0);
        Stream.of("incident", "timeScale", "baseUrl", "toxiproxy").forEach(System::clearProperty);
    }

    @Test
    void theIncidentsLoadGoesToTheGivenUrlAndGatlingWritesItsReport() throws IOException {
        System.setProperty("baseUrl", "http://127.0.0.1:" + service.getAddress().getPort());

        assertThat(runGatling()).isZero();

        // 40 req/s for five phases of a whole second each (0.4 to 1.2 s at this scale, rounded), half of
        // them /orders/{id} from the incident's CSV feeder
        assertThat(requests.get()).isBetween(180, 220);
        assertThat(paths).contains("/products").anyMatch(p -> p.matches("/orders/\\d+"));
        try (Stream<Path> runs = Files.list(results)) {
            assertThat(runs.filter(r -> Files.isRegularFile(r.resolve("index.html")))).hasSize(1);
        }
    }

    @Test
    void withAToxiproxyTheFaultTimelinePlaysOnTheProxyOfTheSameName() throws Exception {
        try (FaultProxyServer faultProxy = FaultProxyServer.start("127.0.0.1", 0)) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", faultProxy.port());
            Proxy payments = client.createProxy("payments", "127.0.0.1:0", "127.0.0.1:" + service.getAddress().getPort());
            System.setProperty("baseUrl", "http://127.0.0.1:" + service.getAddress().getPort());
            System.setProperty("toxiproxy", "http://127.0.0.1:" + faultProxy.port());
            CompletableFuture<Integer> gatling = CompletableFuture.supplyAsync(this::runGatling);

            await("the fault phase's latency toxic on 'payments'").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !payments.toxics().getAll().isEmpty());
            assertThat(gatling.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(payments.toxics().getAll()).as("and taken off again").isEmpty();
        }
    }

    @Test
    void aMissingPropertyIsNamedWithAnExample() {
        System.clearProperty("incident");

        assertThatThrownBy(() -> StandaloneLoad.fromSystemProperties(System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dincident is missing: the incident file, e.g. -Dincident=examples/orders/incident/incident.yaml");
    }

    /** Bare, as the plugin runs it in a JVM of its own; the logging Gatling resets is put back for the tests after this one. */
    private int runGatling() {
        LoggingSnapshot logging = LoggingSnapshot.take();
        try {
            return Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", IncidentSimulation.class.getName(),
                "--results-folder", results.toString(),
            });
        } finally {
            logging.restore();
        }
    }
}
