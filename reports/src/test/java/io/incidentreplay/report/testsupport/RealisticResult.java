package io.incidentreplay.report.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a realistic {@code result.json} field for field as the engine's {@code ReplayResult}
 * serialises: four phases over 30 s, three instances, a 4.7 s weather-api latency toxic during the
 * fault phase, breakers opening, healthy targets dropping from 3 to 1, 504s from the load balancer.
 * Deterministic (fixed seed), so a test can assert exact numbers.
 */
public final class RealisticResult {

    public static final long LOAD_START = 1_795_000_000_000L;
    public static final String FAULT = "latency 4,728 ms on weather-api (downstream)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] PHASES = {"warm-up", "steady", "fault", "recovery"};
    private static final long[] PHASE_MILLIS = {5_000, 8_000, 10_000, 7_000};

    private final String role;
    private final String verdict;
    private final boolean fixed;
    private final SplittableRandom random = new SplittableRandom(42);

    private RealisticResult(String role, String verdict, boolean fixed) {
        this.role = role;
        this.verdict = verdict;
        this.fixed = fixed;
    }

    /** A baseline that shows the incident: REPRODUCED. */
    public static Path baseline(Path outputDirectory) {
        return new RealisticResult("baseline", "REPRODUCED", false).writeTo(outputDirectory);
    }

    /** A candidate with the fix: breakers shed the slow dependency, p99 stays low, no 504s. */
    public static Path candidate(Path outputDirectory) {
        return new RealisticResult("candidate", "PASS", true).writeTo(outputDirectory);
    }

    /** A candidate that still breaks: same shape as the baseline, verdict FAIL. */
    public static Path failingCandidate(Path outputDirectory) {
        return new RealisticResult("candidate", "FAIL", false).writeTo(outputDirectory);
    }

    private Path writeTo(Path outputDirectory) {
        Path file = outputDirectory.resolve("weather-cascade").resolve(role).resolve("result.json");
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), document());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("incident", Map.of("id", "weather-cascade", "title", "Weather API stall cascades into pet search",
                "seedReference", "000_2f4b318fcc7a1db3.txt#weather", "story",
                "The weather API answered in 47 s instead of 200 ms. Every request thread waited on it, the pool"
                        + " drained and the ALB marked two of three targets unhealthy."));
        d.put("role", role);
        d.put("build", Map.of("name", "petforce-" + (fixed ? "after" : "before") + "-1.4.2.jar",
                "path", "/builds/petforce-" + (fixed ? "after" : "before") + "-1.4.2.jar"));
        d.put("dataset", Map.of("preset", "ci", "pets", 20_000, "seed", 7_342_113));
        d.put("timeScale", 0.1);
        d.put("environment", "embedded PostgreSQL 16.13 on 127.0.0.1:54321; in-JVM fault proxy");
        d.put("startedAtMillis", LOAD_START - 9_000);
        d.put("endedAtMillis", LOAD_START + 32_000);
        d.put("verdict", verdict);
        d.put("reasons", fixed ? List.of("fault p99 of all requests 212 ms <= budget 500 ms")
                : List.of("fault p99 of all requests 5,013 ms > budget 500 ms", "504s in fault: 31.4 % of requests"));
        d.put("findings", List.of(
                finding("signature", "fault p99 of all requests > 2,000 ms", !fixed, fixed ? 212 : 5013,
                        "fault p99 of all requests " + (fixed ? "212" : "5,013") + " ms vs > 2,000 ms"),
                finding("signature", "healthy targets drop below 2", !fixed, fixed ? 3 : 1,
                        "fewest healthy targets in fault: " + (fixed ? 3 : 1)),
                finding("budget", "fault p99 of all requests <= 500 ms", fixed, fixed ? 212 : 5013,
                        "fault p99 of all requests " + (fixed ? "212 ms <= budget 500 ms" : "5,013 ms > budget 500 ms")),
                finding("budget", "5xx in fault <= 1 %", fixed, fixed ? 0 : 31.4,
                        "5xx in fault " + (fixed ? "0.0" : "31.4") + " % vs budget 1 %"),
                finding("budget", "breaker open within 2 s of the fault", fixed, fixed ? 0.6 : Double.NaN,
                        fixed ? "breaker weather opened 0.6 s after the fault" : "no breaker opened")));
        List<Map<String, Object>> phases = new ArrayList<>();
        long from = LOAD_START;
        for (int i = 0; i < PHASES.length; i++) {
            phases.add(window(PHASES[i], from, from + PHASE_MILLIS[i]));
            from += PHASE_MILLIS[i];
        }
        phases.add(window("run", LOAD_START, from));
        d.put("phases", phases);
        d.put("stats", stats());
        d.put("traffic", traffic());
        d.put("timeline", timeline());
        d.put("faultEvents", List.of(
                Map.of("atMillis", faultFrom() + 12, "fault", FAULT, "action", "applied"),
                Map.of("atMillis", faultTo() + 8, "fault", FAULT, "action", "removed")));
        d.put("faultChecks", List.of(Map.of("fault", FAULT, "verified", true,
                "detail", "1,204 chunks (88,112 bytes) affected, 0 connections closed")));
        d.put("gatlingReport", "gatling/weathercascade-" + role + "-20261123/index.html");
        d.put("notes", List.of("time scale 0.1: the 47 s stall replayed as 4.7 s"));
        d.put("format", "incident-replay/result@1");
        return d;
    }

    private static long faultFrom() {
        return LOAD_START + 13_000;
    }

    private static long faultTo() {
        return LOAD_START + 23_000;
    }

    private static boolean inFault(long at) {
        return at >= faultFrom() && at < faultTo();
    }

    private static Map<String, Object> finding(String kind, String expectation, boolean met, double measured, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("expectation", expectation);
        f.put("met", met);
        f.put("measured", Double.isNaN(measured) ? "NaN" : measured); // Jackson writes NaN as the string "NaN"
        f.put("reason", reason);
        return Map.of("kind", kind, "finding", f);
    }

    private static Map<String, Object> window(String name, long from, long to) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", name);
        w.put("fromMillis", from);
        w.put("toMillis", to);
        return w;
    }

    private List<Map<String, Object>> stats() {
        List<Map<String, Object>> stats = new ArrayList<>();
        for (String window : List.of("warm-up", "steady", "fault", "recovery", "run")) {
            boolean bad = window.equals("fault") && !fixed;
            int count = window.equals("run") ? 1500 : 300;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("window", window);
            s.put("request", "all");
            s.put("latency", Map.of("count", count, "p50", bad ? 4_730 : 18, "p95", bad ? 5_002 : 41,
                    "p99", bad ? 5_013 : fixed && window.equals("fault") ? 212 : 63, "max", bad ? 5_120 : 140));
            long errors = bad ? 94 : 0;
            s.put("errors", errors);
            s.put("errorsByStatus", bad ? Map.of("504", 94L) : Map.of());
            s.put("throughputPerSecond", count / 10.0);
            s.put("fallbacks", fixed && window.equals("fault") ? 287 : 0);
            stats.add(s);
        }
        return stats;
    }

    private List<Map<String, Object>> traffic() {
        List<Map<String, Object>> seconds = new ArrayList<>();
        for (long at = LOAD_START; at < LOAD_START + 30_000; at += 1_000) {
            boolean bad = inFault(at) && !fixed;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("atMillis", at);
            t.put("requests", at < LOAD_START + 5_000 ? 20 + random.nextInt(5) : 50 + random.nextInt(5));
            t.put("errorsByStatus", bad && at > faultFrom() + 2_000 ? Map.of("504", 12L + random.nextInt(4), "503", 2L) : Map.of());
            t.put("p50", bad ? 4_700 + random.nextInt(60) : 15 + random.nextInt(8));
            t.put("p99", bad ? 5_000 + random.nextInt(30) : inFault(at) ? 180 + random.nextInt(40) : 50 + random.nextInt(20));
            seconds.add(t);
        }
        return seconds;
    }

    private List<Map<String, Object>> timeline() {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (long at = LOAD_START - 1_000; at < LOAD_START + 30_500; at += 500) {
            boolean fault = inFault(at);
            long intoFault = at - faultFrom();
            for (String instance : List.of("i1", "i2", "i3")) {
                int pending = fault && !fixed ? (int) Math.min(40, intoFault / 200) : random.nextInt(2);
                int active = fault && !fixed ? 10 : 2 + random.nextInt(3);
                samples.add(sample(at, "pool.active", instance, active));
                samples.add(sample(at, "pool.idle", instance, 10 - active));
                samples.add(sample(at, "pool.pending", instance, pending));
                samples.add(sample(at, "pool.max", instance, 10));
                boolean open = fixed ? fault && intoFault > 600 : fault && intoFault > 4_000 && !instance.equals("i3");
                samples.add(sample(at, "breaker.weather.open", instance, open ? 1 : 0));
                samples.add(sample(at, "instance.up", instance, 1));
            }
            samples.add(sample(at, "db.connections", "db", 30));
            samples.add(sample(at, "db.active", "db", fault && !fixed ? 27 : 3 + random.nextInt(3)));
            samples.add(sample(at, "db.waiting", "db", fault && !fixed ? 6 : 0));
            samples.add(sample(at, "db.longest_active_ms", "db", fault && !fixed ? 4_700 : 12));
            int healthy = fixed || !fault ? 3 : intoFault < 3_000 ? 3 : intoFault < 5_000 ? 2 : 1;
            samples.add(sample(at, "lb.healthy", "lb", at > faultTo() + 2_000 || healthy == 3 ? 3 : healthy));
        }
        return samples;
    }

    private static Map<String, Object> sample(long at, String series, String source, double value) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("atMillis", at);
        s.put("series", series);
        s.put("source", source);
        s.put("value", value);
        return s;
    }
}
