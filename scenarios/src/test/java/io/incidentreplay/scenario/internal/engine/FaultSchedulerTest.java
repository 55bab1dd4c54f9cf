package io.incidentreplay.scenario.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.incidentreplay.fixtures.faultproxy.FaultProxyServer;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.FaultEvent;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.scenario.ToxicSpec;
import io.incidentreplay.scenario.Window;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the fault timeline leaves on a Toxiproxy when the server refuses part of a fault. */
class FaultSchedulerTest {

    private HttpServer server;
    /** The toxics the emulated server holds: name to its JSON. */
    private final Map<String, String> toxics = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * A real Toxiproxy can answer an update with 400 after it created the toxic (and even after it
     * changed some attributes): the latency toxic is created, its jitter update refused. The half-made
     * toxic must not stay on a proxy that staging shares.
     */
    @Test
    void aToxicTheServerKeptAfterARefusedUpdateIsReadBackAndRemoved() throws IOException {
        startToxiproxyThatRefusesUpdates();
        List<FaultEvent> events = new CopyOnWriteArrayList<>();
        Fault.Toxic fault = new Fault.Toxic("weather-api", "stall",
                new ToxicSpec("latency", "downstream", 1f, Map.of("latency", 5_000L, "jitter", 100L)), "fault");
        long now = System.currentTimeMillis();

        try (FaultScheduler scheduler = new FaultScheduler(new ToxiproxyClient("127.0.0.1", server.getAddress().getPort()),
                "-r1", FaultScheduler.untouchable("no instances here"), proxy -> Optional.empty(), events::add)) {
            scheduler.start(List.of(fault), Map.of("fault", new Window("fault", now, now + 60_000)), new TimeScale(1),
                    Set.of(), Optional::empty, why -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        }

        FaultEvent failed = events.get(0);
        assertThat(failed.kind()).isEqualTo(FaultEvent.Kind.FAILED);
        assertThat(failed.detail()).contains("the server had kept toxic stall-r1 after the error, and it was removed");
        assertThat(requests).contains("POST /proxies/weather-api/toxics/stall-r1", "GET /proxies/weather-api/toxics",
                "DELETE /proxies/weather-api/toxics/stall-r1");
        assertThat(toxics).as("toxics left on the proxy").isEmpty();
    }

    /**
     * An outage disables the proxy for its phase and proves each step with a connection of its own:
     * refused while down, accepted once it is back. The in-JVM fault proxy, as a replay has it.
     */
    @Test
    void anOutageRefusesConnectionsForItsPhaseAndSaysSo() throws IOException {
        try (FaultProxyServer plane = FaultProxyServer.start("127.0.0.1", 0); ServerSocket upstream = new ServerSocket(0)) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", plane.port());
            Proxy proxy = client.createProxy("postgres", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            String[] listen = proxy.getListen().split(":");
            InetSocketAddress address = new InetSocketAddress(listen[0], Integer.parseInt(listen[1]));
            List<FaultEvent> events = new CopyOnWriteArrayList<>();
            long now = System.currentTimeMillis();

            try (FaultScheduler scheduler = new FaultScheduler(client, "", FaultScheduler.untouchable("no instances here"),
                    name -> Optional.of(address), events::add)) {
                scheduler.start(List.of(new Fault.Outage("postgres", "fault")),
                        Map.of("fault", new Window("fault", now + 200, now + 1_500)), new TimeScale(1), Set.of(),
                        Optional::empty, why -> { });
                await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
                assertThat(events.get(0).kind()).isEqualTo(FaultEvent.Kind.APPLIED);
                assertThat(events.get(0).detail()).isEqualTo("a connection to " + address.getHostString() + ":"
                        + address.getPort() + ": refused");
                try (Socket during = new Socket()) {
                    assertThatThrownBy(() -> during.connect(address, 1_000)).isInstanceOf(ConnectException.class);
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
            }

            assertThat(events.get(1).kind()).isEqualTo(FaultEvent.Kind.REMOVED);
            assertThat(client.getProxy("postgres").isEnabled()).isTrue();
            try (Socket again = new Socket()) {
                again.connect(address, 1_000); // accepted: the proxy is back
            }
        }
    }

    /** Instances that record what they were asked, and fail the replacement of {@code failing}. */
    private static FaultScheduler.Instances instances(int count, int failing, List<String> asked) {
        return new FaultScheduler.Instances() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public String replace(int index, Duration killAfter, Fault.Successor successor) {
                asked.add(index + " kill after " + killAfter.toMillis() + (successor == Fault.Successor.HEALTHY ? "" : ", " + successor));
                if (index == failing) {
                    throw new ReplayException("instance " + index + " restarted, but not healthy within 5000 ms");
                }
                return "instance " + index + " replaced";
            }
        };
    }

    @Test
    void aReplacementOfAllReplacesEachInstanceInTurnWithTheScaledKillDelayAndProvesEachOnItsOwn() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        List<FaultEvent> events = new CopyOnWriteArrayList<>();
        Fault.Replace all = new Fault.Replace(List.of(), Duration.ofSeconds(30), "deploy");
        long now = System.currentTimeMillis();
        try (FaultScheduler scheduler = new FaultScheduler(new ToxiproxyClient("127.0.0.1", 1), "", instances(3, -1, asked),
                proxy -> Optional.empty(), events::add)) {
            scheduler.start(List.of(all), Map.of("deploy", new Window("deploy", now, now + 60_000)), new TimeScale(0.5),
                    Set.of(), Optional::empty, why -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 3);
        }

        assertThat(asked).containsExactly("0 kill after 15000", "1 kill after 15000", "2 kill after 15000");
        assertThat(events).extracting(FaultEvent::kind).containsOnly(FaultEvent.Kind.APPLIED);
        assertThat(events).extracting(FaultEvent::key).containsExactly(FaultScheduler.key(all, 0), FaultScheduler.key(all, 1),
                FaultScheduler.key(all, 2));
        assertThat(events.get(2).detail()).isEqualTo("instance 2 replaced");
    }

    @Test
    void aReplacementThatIsOnlyStartedIsAskedSo() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        List<FaultEvent> events = new CopyOnWriteArrayList<>();
        Fault.Replace launch = new Fault.Replace(List.of(1), Duration.ofSeconds(30), "deploy", Fault.Successor.STARTED);
        long now = System.currentTimeMillis();
        try (FaultScheduler scheduler = new FaultScheduler(new ToxiproxyClient("127.0.0.1", 1), "", instances(3, -1, asked),
                proxy -> Optional.empty(), events::add)) {
            scheduler.start(List.of(launch), Map.of("deploy", new Window("deploy", now, now + 60_000)), new TimeScale(1),
                    Set.of(), Optional::empty, why -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        }

        assertThat(asked).containsExactly("1 kill after 30000, STARTED");
        assertThat(events).extracting(FaultEvent::kind).containsExactly(FaultEvent.Kind.APPLIED);
    }

    @Test
    void aReplacementThatFailsStopsTheDeployAndEveryInstanceLeftIsAFailedFault() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        List<FaultEvent> events = new CopyOnWriteArrayList<>();
        Fault.Replace some = new Fault.Replace(List.of(2, 0, 1), Duration.ofSeconds(30), "deploy");
        long now = System.currentTimeMillis();
        try (FaultScheduler scheduler = new FaultScheduler(new ToxiproxyClient("127.0.0.1", 1), "", instances(3, 0, asked),
                proxy -> Optional.empty(), events::add)) {
            scheduler.start(List.of(some), Map.of("deploy", new Window("deploy", now, now + 60_000)), new TimeScale(1),
                    Set.of(), Optional::empty, why -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 3);
        }

        assertThat(asked).as("in the file's order, and none after the failure").containsExactly("2 kill after 30000", "0 kill after 30000");
        assertThat(events).extracting(FaultEvent::kind)
                .containsExactly(FaultEvent.Kind.APPLIED, FaultEvent.Kind.FAILED, FaultEvent.Kind.FAILED);
        assertThat(events.get(1).detail()).isEqualTo("instance 0 restarted, but not healthy within 5000 ms");
        assertThat(events.get(2).key()).isEqualTo(FaultScheduler.key(some, 1));
        assertThat(events.get(2).detail()).isEqualTo("not replaced: the replacement of instance 0 failed before it");
    }

    @Test
    void instancesTheReplayDidNotLaunchCannotBeReplacedAndSaySo() throws IOException {
        List<FaultEvent> events = new CopyOnWriteArrayList<>();
        Fault.Replace all = new Fault.Replace(List.of(), Duration.ofSeconds(30), "deploy");
        long now = System.currentTimeMillis();
        try (FaultScheduler scheduler = new FaultScheduler(new ToxiproxyClient("127.0.0.1", 1), "",
                FaultScheduler.untouchable("the build runs at URLs"), proxy -> Optional.empty(), events::add)) {
            scheduler.start(List.of(all), Map.of("deploy", new Window("deploy", now, now + 60_000)), new TimeScale(1),
                    Set.of(), Optional::empty, why -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        }

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(FaultEvent.Kind.FAILED);
            assertThat(e.detail()).isEqualTo("the build has no instance the replay can replace");
        });
    }

    /**
     * A plane that answers the disable but keeps the port open (a proxy name that is not the one
     * in front of the dependency, a Toxiproxy behind a load balancer): the canary connects, so the
     * outage is recorded as failed, which makes the replay INVALID, never a pass on a fault that was not there.
     */
    @Test
    void anOutageTheCanaryStillConnectsThroughIsAFailedFault() throws IOException {
        startToxiproxyThatRefusesUpdates();
        List<FaultEvent> events = new CopyOnWriteArrayList<>();
        long now = System.currentTimeMillis();
        try (ServerSocket stillOpen = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                FaultScheduler scheduler = new FaultScheduler(new ToxiproxyClient("127.0.0.1", server.getAddress().getPort()),
                        "", FaultScheduler.untouchable("no instances here"),
                        name -> Optional.of(new InetSocketAddress("127.0.0.1", stillOpen.getLocalPort())), events::add)) {
            scheduler.start(List.of(new Fault.Outage("weather-api", "fault")),
                    Map.of("fault", new Window("fault", now, now + 60_000)), new TimeScale(1), Set.of(), Optional::empty, why -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        }

        assertThat(events.get(0).kind()).isEqualTo(FaultEvent.Kind.FAILED);
        assertThat(events.get(0).detail()).startsWith("disabled, but 127.0.0.1:").endsWith(" still accepted a connection");
        assertThat(requests).contains("POST /proxies/weather-api");
    }

    /**
     * The Toxiproxy HTTP API for one proxy, {@code weather-api}: creates toxics, refuses every toxic
     * update with 400, and answers the proxy's enable and disable without doing anything.
     */
    private void startToxiproxyThatRefusesUpdates() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String proxyPath = "/proxies/weather-api";
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(method + " " + path);
            if (method.equals("GET") && path.equals(proxyPath)) {
                answer(exchange, 200, "{\"name\":\"weather-api\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:2\","
                        + "\"enabled\":true,\"toxics\":[" + String.join(",", toxics.values()) + "]}");
            } else if (method.equals("POST") && path.equals(proxyPath)) { // enable or disable: answered, and ignored
                answer(exchange, 200, "{\"name\":\"weather-api\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:2\","
                        + "\"enabled\":" + body.contains("true") + ",\"toxics\":[]}");
            } else if (method.equals("GET") && path.equals(proxyPath + "/toxics")) {
                answer(exchange, 200, "[" + String.join(",", toxics.values()) + "]");
            } else if (method.equals("POST") && path.equals(proxyPath + "/toxics")) {
                String name = body.replaceAll(".*\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                String toxic = "{\"name\":\"" + name + "\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1.0,"
                        + "\"attributes\":{\"latency\":5000,\"jitter\":0}}";
                toxics.put(name, toxic);
                answer(exchange, 200, toxic);
            } else if (method.equals("POST") && path.startsWith(proxyPath + "/toxics/")) {
                answer(exchange, 400, "{\"error\":\"bad request\",\"status\":400}");
            } else if (method.equals("DELETE") && path.startsWith(proxyPath + "/toxics/")) {
                toxics.remove(path.substring(path.lastIndexOf('/') + 1));
                answer(exchange, 204, "");
            } else {
                answer(exchange, 404, "{\"error\":\"not found\",\"status\":404}");
            }
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
