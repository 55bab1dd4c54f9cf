package io.incidentreplay.scenario.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.incidentreplay.scenario.LogWatch;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.LatencySummary;
import io.incidentreplay.scenario.internal.measure.RequestLog;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class GatlingDriverIT {

    private HttpServer server;
    private final AtomicInteger listCalls = new AtomicInteger();
    private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();

    @TempDir
    Path results;

    @BeforeEach
    void startTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/list", ex -> {
            tokensSeen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            // every 4th call fails, so errors and their status are counted
            respond(ex, listCalls.incrementAndGet() % 4 == 0 ? 503 : 200, "{\"data\":[]}");
        });
        server.createContext("/dashboard", ex -> respond(ex, 200, "{\"weather\":{\"cached\":true}}"));
        server.start();
    }

    @AfterEach
    void stopTarget() {
        server.stop(0);
    }

    @Test
    void recordsEveryRequestAndAgreesWithGatlingsOwnReport() throws IOException {
        RequestLog log = new RequestLog();
        AtomicLong loadStart = new AtomicLong();
        LoadPlan plan = new LoadPlan("http://127.0.0.1:" + server.getAddress().getPort(),
                List.of(new Phase("warm-up", Duration.ofSeconds(1), 20), new Phase("steady", Duration.ofSeconds(2), 40)),
                List.of(RequestSpec.get("list", 3, "/list"),
                        RequestSpec.get("dashboard", 1, "/dashboard").withFallbackMarker("\"cached\":true")),
                List.<Map<String, Object>>of(Map.of("token", "token-a"), Map.of("token", "token-b")),
                Map.of("Authorization", "Bearer #{token}"),
                Duration.ofSeconds(5), log, loadStart::set, new LoadStop());
        long before = System.currentTimeMillis();

        Path report = GatlingDriver.run(plan, results, "driver-test");

        List<RequestRecord> records = log.records();
        assertThat(records).hasSize(20 + 80);
        assertThat(loadStart.get()).isBetween(before, records.stream().mapToLong(RequestRecord::startMillis).min().orElseThrow());
        assertThat(records).extracting(RequestRecord::name).containsOnly("list", "dashboard");
        assertThat(records.stream().filter(r -> r.name().equals("list")).count()).isBetween(55L, 95L);
        assertThat(records.stream().filter(r -> r.status() == 503).count()).isEqualTo(listCalls.get() / 4);
        assertThat(records.stream().filter(r -> r.name().equals("dashboard")).allMatch(RequestRecord::fallback)).isTrue();
        assertThat(records.stream().filter(r -> r.name().equals("list")).noneMatch(RequestRecord::fallback)).isTrue();
        assertThat(tokensSeen).containsExactlyInAnyOrder("Bearer token-a", "Bearer token-b");

        GatlingTotals gatling = GatlingTotals.read(report.resolve("index.html"));
        LatencySummary ours = LatencySummary.of(records.stream().mapToLong(RequestRecord::latencyMillis).toArray());
        assertThat(gatling.total).as("requests in Gatling's report").isEqualTo(records.size());
        assertThat(gatling.ko).as("KO in Gatling's report").isEqualTo(records.stream().filter(r -> !r.ok()).count());
        assertThat(gatling.max).as("max response time in Gatling's report").isEqualTo(ours.max());
        // Percentile definitions differ by at most one rank (nearest-rank vs Gatling's histogram):
        // Gatling's p99 must fall between our 98th and 100th percentile values.
        long[] sorted = records.stream().mapToLong(RequestRecord::latencyMillis).sorted().toArray();
        assertThat(gatling.p99).as("p99 in Gatling's report vs ours %d", ours.p99())
                .isBetween(sorted[(int) Math.ceil(0.98 * sorted.length) - 1], ours.max());
    }

    /** For an incident that reads the builds' logs, each request carries an id of its own, which the log joins on. */
    @Test
    void eachRequestCarriesItsOwnIdWhenTheLogsAreWatched() {
        Map<String, String> idsSeen = new ConcurrentHashMap<>();
        server.createContext("/echo", ex -> {
            idsSeen.put(String.valueOf(ex.getRequestHeaders().getFirst("X-Request-Id")),
                    String.valueOf(ex.getRequestHeaders().getFirst("Cookie")));
            respond(ex, 200, "{}");
        });
        RequestLog log = new RequestLog(true);
        RequestSpec echo = RequestSpec.get("echo", 1, "/echo").withHeadersUnder(Map.of("Cookie", "session=canary-cookie-1"));
        LoadPlan plan = new LoadPlan("http://127.0.0.1:" + server.getAddress().getPort(),
                List.of(new Phase("steady", Duration.ofSeconds(1), 30)), List.of(echo), List.of(), Map.of(),
                Duration.ofSeconds(5), log, at -> { }, new LoadStop(), "X-Request-Id");

        GatlingDriver.run(plan, results, "request-id-test");

        assertThat(log.sent()).hasSize(30);
        assertThat(idsSeen.keySet()).hasSize(30)
                .isEqualTo(log.sent().keySet().stream().map(LogWatch::requestId).collect(java.util.stream.Collectors.toSet()));
        assertThat(idsSeen.values()).containsOnly("session=canary-cookie-1");
    }

    /** Gatling stops logback's context when a run ends; the harness's logging must be as it was. */
    @Test
    void leavesTheLoggingAsItWas() {
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.incidentreplay.after-gatling");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ours.addAppender(appender);
        ours.setLevel(Level.INFO);
        // set here, not taken from logback.xml: a test before this one in the JVM may have run Gatling bare
        ch.qos.logback.classic.Logger jetty = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.eclipse.jetty");
        jetty.setLevel(Level.WARN);
        Level rootLevel = ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).getLevel();
        LoadPlan plan = new LoadPlan("http://127.0.0.1:" + server.getAddress().getPort(),
                List.of(new Phase("steady", Duration.ofSeconds(1), 10)), List.of(RequestSpec.get("list", 1, "/list")),
                List.of(), Map.of(), Duration.ofSeconds(5), new RequestLog(), at -> { }, new LoadStop());
        try {
            GatlingDriver.run(plan, results, "logging-test");

            ours.info("after the run");
            ours.debug("not at INFO");
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("after the run");
            assertThat(((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).getLevel())
                    .as("root level").isEqualTo(rootLevel);
            assertThat(LoggerFactory.getLogger("org.eclipse.jetty.server.HttpChannel").isDebugEnabled())
                    .as("a library's debug messages").isFalse();
        } finally {
            ours.detachAppender(appender);
            ours.setLevel(null);
            jetty.setLevel(null);
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** The "All Requests" row of Gatling's HTML report; read only to cross-check our own numbers. */
    private record GatlingTotals(long total, long ko, long p99, long max) {
        static GatlingTotals read(Path indexHtml) throws IOException {
            String html = Files.readString(indexHtml);
            String row = html.substring(html.indexOf("<tr id=\"ROOT\""));
            return new GatlingTotals(cell(row, 2), cell(row, 4), cell(row, 11), cell(row, 12));
        }

        private static long cell(String row, int column) {
            Matcher m = Pattern.compile("col-" + column + "\">([0-9,]+)<").matcher(row);
            if (!m.find()) {
                throw new AssertionError("column " + column + " not found in Gatling's report");
            }
            return Long.parseLong(m.group(1).replace(",", ""));
        }
    }
}
