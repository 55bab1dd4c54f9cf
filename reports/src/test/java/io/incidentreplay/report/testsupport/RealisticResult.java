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
 * fault phase, breakers opening, healthy targets dropping from 3 to 1, 504s from the load balancer;
 * the steady phase as the control window, every finding with its limit and margin, the machine's
 * CPU and the instances' warm-up. Deterministic (fixed seed), so a test can assert exact numbers.
 * {@link #legacyBaseline} writes a result as the engine did before it recorded a steady state,
 * control, margins, machine and warm-up.
 */
public final class RealisticResult {

    public static final long LOAD_START = 1_795_000_000_000L;
    public static final String FAULT = "latency 4,728 ms on weather-api (downstream)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] PHASES = {"warm-up", "steady", "fault", "recovery"};
    private static final long[] PHASE_MILLIS = {5_000, 8_000, 10_000, 7_000};

    /** How a result departs from the plain one. */
    private enum Variant {
        PLAIN,
        /** Written before the steady state, control, margins, machine and warm-up were recorded. */
        LEGACY,
        /** The breaker opened 1.6 s into the fault: within the 2 s budget by a thin margin. */
        THIN,
        /** The steady state did not hold (p99 1,250 ms in the control window): the fault was withheld. */
        NOT_STEADY,
        /** The machine was saturated during the fault (96 % busy). */
        SATURATED
    }

    private static final double THIN_SHARE = 0.25;

    private final String role;
    private final String verdict;
    private final boolean fixed;
    private final Variant variant;
    private final SplittableRandom random = new SplittableRandom(42);

    private RealisticResult(String role, String verdict, boolean fixed, Variant variant) {
        this.role = role;
        this.verdict = verdict;
        this.fixed = fixed;
        this.variant = variant;
    }

    /** A baseline that shows the incident: REPRODUCED. */
    public static Path baseline(Path outputDirectory) {
        return new RealisticResult("baseline", "REPRODUCED", false, Variant.PLAIN).writeTo(outputDirectory);
    }

    /** A candidate with the fix: breakers shed the slow dependency, p99 stays low, no 504s. */
    public static Path candidate(Path outputDirectory) {
        return new RealisticResult("candidate", "PASS", true, Variant.PLAIN).writeTo(outputDirectory);
    }

    /** A candidate that still breaks: same shape as the baseline, verdict FAIL. */
    public static Path failingCandidate(Path outputDirectory) {
        return new RealisticResult("candidate", "FAIL", false, Variant.PLAIN).writeTo(outputDirectory);
    }

    /** A candidate that passes, its breaker opening 1.6 s into the fault: a THIN margin to the 2 s budget. */
    public static Path thinCandidate(Path outputDirectory) {
        return new RealisticResult("candidate", "PASS", true, Variant.THIN).writeTo(outputDirectory);
    }

    /** The baseline as the engine wrote it before the steady state, control, margins, machine and warm-up. */
    public static Path legacyBaseline(Path outputDirectory) {
        return new RealisticResult("baseline", "REPRODUCED", false, Variant.LEGACY).writeTo(outputDirectory);
    }

    /** A baseline whose steady state did not hold before the fault: the fault was withheld, INVALID. */
    public static Path notSteadyBaseline(Path outputDirectory) {
        return new RealisticResult("baseline", "INVALID", false, Variant.NOT_STEADY).writeTo(outputDirectory);
    }

    /** A baseline measured on a saturated machine (96 % busy during the fault): INVALID. */
    public static Path saturatedBaseline(Path outputDirectory) {
        return new RealisticResult("baseline", "INVALID", false, Variant.SATURATED).writeTo(outputDirectory);
    }

    /** Whether the toxic was applied (it is withheld when the steady state did not hold). */
    private boolean faulted() {
        return variant != Variant.NOT_STEADY;
    }

    private long breakerOpensAfterMillis() {
        return variant == Variant.THIN ? 1_600 : 600;
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
        d.put("reasons", reasons());
        d.put("findings", findings());
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
        d.put("faultEvents", faulted()
                ? List.of(Map.of("atMillis", faultFrom() + 12, "fault", FAULT, "action", "applied"),
                        Map.of("atMillis", faultTo() + 8, "fault", FAULT, "action", "removed"))
                : List.of(Map.of("atMillis", faultFrom() + 12, "fault", FAULT, "action", "withheld: " + NOT_STEADY)));
        d.put("faultChecks", faulted() ? List.of(Map.of("fault", FAULT, "verified", true,
                "detail", "1,204 chunks (88,112 bytes) affected, 0 connections closed")) : List.of());
        d.put("gatlingReport", "gatling/weathercascade-" + role + "-20261123/index.html");
        List<String> notes = new ArrayList<>(List.of("time scale 0.1: the 47 s stall replayed as 4.7 s"));
        if (!recovered() && variant != Variant.LEGACY) {
            notes.add("not steady again by the end of the recovery phase: recovery min lb.healthy 1 < 3");
        }
        d.put("notes", notes);
        if (variant != Variant.LEGACY) {
            d.put("resources", Map.of("wallMillis", 41_000, "harnessCpuMillis", 21_000, "buildCpuMillis", 14_000,
                    "harnessCpuPercent", 60.0));
            d.put("control", control());
            d.put("machine", machine());
            d.put("warmUp", warmUp());
        }
        d.put("format", "incident-replay/result@1");
        return d;
    }

    static final String NOT_STEADY = "not steady before the fault: steady p99 of all 1,250 ms > 100 ms (1,000 ms incident time)";
    static final String SATURATED = "the machine was saturated: fault 96% busy, 88% CPU pressure (harness 61%, build 30%)"
            + " (saturated: >= 90% busy or >= 80% pressure over the window); this measures the machine, not the build";

    /** The baseline's targets are back only 2 s into the recovery: the steady state after it does not hold. */
    private boolean recovered() {
        return fixed || !faulted();
    }

    private List<String> reasons() {
        if (variant == Variant.NOT_STEADY) {
            return List.of(NOT_STEADY);
        }
        if (variant == Variant.SATURATED) {
            return List.of(SATURATED);
        }
        if (variant == Variant.LEGACY) {
            return List.of("fault p99 of all requests 5,013 ms > budget 500 ms", "504s in fault: 31.4 % of requests");
        }
        if (fixed) {
            return List.of("fault p99 of all requests 212 ms <= budget 500 ms (margin 58%)",
                    "5xx in fault 0.0 % vs budget 1 % (at its bound)",
                    variant == Variant.THIN ? "breaker weather opened 1.6 s after the fault (THIN margin 20%)"
                            : "breaker weather opened 0.6 s after the fault (margin 70%)");
        }
        return "baseline".equals(role)
                ? List.of("fault p99 of all requests 5,013 ms vs > 2,000 ms (margin 151%)", "fewest healthy targets in fault: 1 (margin 50%)")
                : List.of("fault p99 of all requests 5,013 ms > budget 500 ms (margin -903%)", "5xx in fault 31.4 % vs budget 1 % (margin -3,040%)");
    }

    private List<Map<String, Object>> findings() {
        boolean bad = !fixed && faulted();
        double breaker = breakerOpensAfterMillis() / 1000.0;
        List<Map<String, Object>> findings = new ArrayList<>(List.of(
                finding("signature", "fault p99 of all requests > 2,000 ms", bad, bad ? 5013 : 212, 2000, AT_LEAST, false,
                        "fault p99 of all requests " + (bad ? "5,013" : "212") + " ms vs > 2,000 ms"),
                finding("signature", "healthy targets drop below 2", bad, bad ? 1 : 3, 2, AT_MOST, false,
                        "fewest healthy targets in fault: " + (bad ? 1 : 3)),
                finding("budget", "fault p99 of all requests <= 500 ms", !bad, bad ? 5013 : 212, 500, AT_MOST, false,
                        "fault p99 of all requests " + (bad ? "5,013 ms > budget 500 ms" : "212 ms <= budget 500 ms")),
                finding("budget", "5xx in fault <= 1 %", !bad, bad ? 31.4 : 0, 1, AT_MOST, !bad,
                        "5xx in fault " + (bad ? "31.4" : "0.0") + " % vs budget 1 %"),
                finding("budget", "breaker open within 2 s of the fault", fixed, fixed ? breaker : Double.NaN, 2, AT_MOST, false,
                        fixed ? "breaker weather opened " + breaker + " s after the fault" : "no breaker opened")));
        if (variant == Variant.LEGACY) {
            return findings;
        }
        boolean steady = variant != Variant.NOT_STEADY;
        findings.add(finding("steady-state", "steady min lb.healthy >= 3", true, 3, 3, AT_LEAST, true, "steady min lb.healthy 3 >= 3"));
        findings.add(finding("steady-state", "steady errors of all <= 0.10%", true, 0, 0.1, AT_MOST, true,
                "steady errors of all 0% <= 0.10%"));
        findings.add(finding("steady-state", "steady p99 of all <= 1,000 ms incident time", steady, steady ? 63 : 1250, 100,
                AT_MOST, false, "steady p99 of all " + (steady ? "63 ms <=" : "1,250 ms >") + " 100 ms (1,000 ms incident time)"));
        if ("baseline".equals(role) && steady) {
            findings.add(finding("control", "steady p99 of all requests > 2,000 ms", false, 63, 2000, AT_LEAST, false,
                    "steady p99 of all requests 63 ms vs > 2,000 ms"));
            findings.add(finding("control", "steady healthy targets drop below 2", false, 3, 2, AT_MOST, false,
                    "fewest healthy targets in steady: 3"));
        }
        if (faulted()) {
            findings.add(finding("steady-state-after", "recovery min lb.healthy >= 3", recovered(), recovered() ? 3 : 1, 3,
                    AT_LEAST, recovered(), "recovery min lb.healthy " + (recovered() ? "3 >= 3" : "1 < 3")));
            findings.add(finding("steady-state-after", "recovery p99 of all <= 1,000 ms incident time", true, 63, 100, AT_MOST, false,
                    "recovery p99 of all 63 ms <= 100 ms (1,000 ms incident time)"));
        }
        return findings;
    }

    private Map<String, Object> control() {
        Map<String, Object> c = new LinkedHashMap<>();
        boolean steady = variant != Variant.NOT_STEADY;
        c.put("kind", "window");
        c.put("description", "the steady phase just before the fault, in the same replay");
        c.put("window", window("steady", LOAD_START + 5_000, LOAD_START + 13_000));
        c.put("steadyStateHeld", steady);
        c.put("signatureHeld", List.of());
        c.put("result", null);
        c.put("note", null);
        return c;
    }

    private Map<String, Object> machine() {
        boolean saturated = variant == Variant.SATURATED;
        List<Map<String, Object>> windows = new ArrayList<>();
        windows.add(machineWindow("steady", 38.2, 21.5, 19.0, 14.1, false));
        if ("baseline".equals(role)) {
            windows.add(machineWindow("fault", saturated ? 96.0 : 47.6, saturated ? 88.0 : 31.9, saturated ? 61.0 : 30.5,
                    saturated ? 30.0 : 15.4, saturated));
        } else {
            windows.add(machineWindow("run", 33.3, 20.6, 17.6, 15.1, false));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", 2);
        m.put("sampled", true);
        m.put("busyPercentSaturated", 90.0);
        m.put("pressurePercentSaturated", 80.0);
        m.put("windows", windows);
        return m;
    }

    private static Map<String, Object> machineWindow(String window, double busy, double pressure, double harness,
            double build, boolean saturated) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("window", window);
        w.put("busyPercent", busy);
        w.put("pressurePercent", pressure);
        w.put("stealPercent", 0.0);
        w.put("harnessPercent", harness);
        w.put("buildPercent", build);
        w.put("saturated", saturated);
        return w;
    }

    private List<Map<String, Object>> warmUp() {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("instance", "i" + i);
            w.put("rounds", i == 3 ? 4 : 3);
            w.put("requests", i == 3 ? 160 : 120);
            w.put("millis", 2_700 + 40 * i);
            w.put("settled", true);
            w.put("p90Millis", 45 + i);
            w.put("healthCheckP95Millis", 70 + i);
            instances.add(w);
        }
        return instances;
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

    private static final boolean AT_MOST = true;
    private static final boolean AT_LEAST = false;

    /**
     * A finding as the engine's {@code Finding} serialises, its margin the share of the limit the
     * measured value lies below it ({@link #AT_MOST}) or above it ({@link #AT_LEAST}).
     */
    private Map<String, Object> finding(String kind, String expectation, boolean met, double measured, double limit,
            boolean upper, boolean atBound, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("expectation", expectation);
        f.put("met", met);
        f.put("measured", Double.isNaN(measured) ? "NaN" : measured); // Jackson writes NaN as the string "NaN"
        if (variant != Variant.LEGACY) {
            double margin = Double.isNaN(measured) || limit == 0 ? Double.NaN
                    : (upper ? limit - measured : measured - limit) / limit;
            f.put("limit", limit);
            f.put("margin", Double.isNaN(margin) ? "NaN" : margin);
            f.put("atBound", atBound);
            f.put("reason", reason);
            f.put("thin", !atBound && !Double.isNaN(margin) && Math.abs(margin) < THIN_SHARE);
        } else {
            f.put("reason", reason);
        }
        Map<String, Object> judged = new LinkedHashMap<>();
        judged.put("kind", kind);
        judged.put("finding", f);
        return judged;
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
            boolean bad = inFault(at) && !fixed && faulted();
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("atMillis", at);
            t.put("requests", at < LOAD_START + 5_000 ? 20 + random.nextInt(5) : 50 + random.nextInt(5));
            t.put("errorsByStatus", bad && at > faultFrom() + 2_000 ? Map.of("504", 12L + random.nextInt(4), "503", 2L) : Map.of());
            t.put("p50", bad ? 4_700 + random.nextInt(60) : 15 + random.nextInt(8));
            t.put("p99", bad ? 5_000 + random.nextInt(30) : inFault(at) && faulted() ? 180 + random.nextInt(40) : 50 + random.nextInt(20));
            seconds.add(t);
        }
        return seconds;
    }

    private List<Map<String, Object>> timeline() {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (long at = LOAD_START - 1_000; at < LOAD_START + 30_500; at += 500) {
            boolean fault = inFault(at) && faulted();
            long intoFault = at - faultFrom();
            for (String instance : List.of("i1", "i2", "i3")) {
                int pending = fault && !fixed ? (int) Math.min(40, intoFault / 200) : random.nextInt(2);
                int active = fault && !fixed ? 10 : 2 + random.nextInt(3);
                samples.add(sample(at, "pool.active", instance, active));
                samples.add(sample(at, "pool.idle", instance, 10 - active));
                samples.add(sample(at, "pool.pending", instance, pending));
                samples.add(sample(at, "pool.max", instance, 10));
                boolean open = fixed ? fault && intoFault > breakerOpensAfterMillis()
                        : fault && intoFault > 4_000 && !instance.equals("i3");
                samples.add(sample(at, "breaker.weather.open", instance, open ? 1 : 0));
                samples.add(sample(at, "instance.up", instance, 1));
            }
            samples.add(sample(at, "db.connections", "db", 30));
            samples.add(sample(at, "db.active", "db", fault && !fixed ? 27 : 3 + random.nextInt(3)));
            samples.add(sample(at, "db.waiting", "db", fault && !fixed ? 6 : 0));
            samples.add(sample(at, "db.longest_active_ms", "db", fault && !fixed ? 4_700 : 12));
            int healthy = fixed || !fault ? 3 : intoFault < 3_000 ? 3 : intoFault < 5_000 ? 2 : 1;
            samples.add(sample(at, "lb.healthy", "lb", at > faultTo() + 2_000 || healthy == 3 ? 3 : healthy));
            if (variant != Variant.LEGACY) {
                boolean saturated = variant == Variant.SATURATED && inFault(at);
                double harness = saturated ? 61 : fault && !fixed ? 30 : 18;
                double build = saturated ? 30 : fault && !fixed ? 15 : 14;
                samples.add(sample(at, "machine.cpu.busy", "machine", saturated ? 96 : harness + build + 5));
                samples.add(sample(at, "machine.cpu.steal", "machine", 0));
                samples.add(sample(at, "machine.cpu.pressure", "machine", saturated ? 88 : fault && !fixed ? 32 : 21));
                samples.add(sample(at, "machine.runnable", "machine", saturated ? 9 : 3));
                samples.add(sample(at, "harness.cpu", "machine", harness));
                samples.add(sample(at, "build.cpu", "machine", build));
            }
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
