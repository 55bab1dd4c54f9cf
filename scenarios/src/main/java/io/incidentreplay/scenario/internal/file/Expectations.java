package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Measure;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.internal.file.IncidentFile.Names;
import io.incidentreplay.scenario.internal.measure.Timeline.Aggregation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * One expectation of an incident file: a measure, the phase it reads ({@code in}), and one bound,
 * e.g. {@code {p99: checkout, in: fault, atMost: 10s incident time}}. A bound is a number in the
 * measure's unit, a percentage ({@code 50%}), a duration ({@code 700ms}: real time), or a duration
 * in incident time ({@code 10s incident time}: multiplied by the replay's time scale).
 */
final class Expectations {

    /** Measures of a request of the mix, or {@code all}. */
    private static final List<String> REQUEST_MEASURES = List.of("p50", "p99", "maxLatency", "errors", "serverErrors", "fallbacks", "failed");
    /** Measures of a probe series. */
    private static final List<String> SERIES_MEASURES = List.of("max", "min", "increase", "sum", "answered");
    /** Measures with a condition on a series. */
    private static final List<String> CONDITION_MEASURES = List.of("timeWith", "timeUntil", "p99While");
    private static final List<String> OTHER_MEASURES = List.of("openBreakers", "lostWrites", "logGroupsWithoutRetention", "p99Rise");
    /** Measures of the builds' logs (the incident's {@code logs}) and what they cost (its {@code costs}). */
    private static final List<String> LOG_MEASURES = List.of("logged", "sampled", "logBytes", "secrets", "logVolume", "logCost");
    /** Measures of the bucket the build stored in (the incident's {@code storage}) and what it costs. */
    private static final List<String> STORAGE_MEASURES = List.of("storedPerUpload", "storedShare", "versions", "lifecycleRules",
            "variants", "storageCost");
    private static final List<String> BOUNDS = List.of("atMost", "atLeast", "below", "above");
    private static final String INCIDENT_TIME = "incident time";

    private Expectations() {}

    static Optional<Expectation> read(YamlNode e, Names names) {
        if (!e.isMap()) {
            e.problem("must be a mapping such as {p99: checkout, in: fault, atMost: 700ms}");
            return Optional.empty();
        }
        List<String> measures = e.entries().keySet().stream().filter(Expectations::isMeasure).toList();
        List<String> bounds = e.entries().keySet().stream().filter(BOUNDS::contains).toList();
        e.entries().forEach((key, value) -> {
            if (!isMeasure(key) && !BOUNDS.contains(key) && !List.of("in", "aggregate", "outOf").contains(key)) {
                value.problem("is not a field of an expectation; a measure (" + String.join(", ", allMeasures())
                        + "), in, aggregate, outOf and one bound (" + String.join(", ", BOUNDS) + ")");
            }
        });
        if (measures.size() != 1) {
            e.problem("needs exactly one measure of " + String.join(", ", allMeasures()) + ", but has " + measures);
            return Optional.empty();
        }
        if (bounds.size() != 1) {
            e.problem("needs exactly one bound of " + String.join(", ", BOUNDS) + ", but has " + bounds);
            return Optional.empty();
        }
        String kind = measures.get(0);
        Optional<Measure> measure = measure(e, kind, names);
        YamlNode bound = e.entries().get(bounds.get(0));
        return measure.flatMap(m -> bound(m, bounds.get(0), bound, isPercent(kind)));
    }

    private static Optional<Measure> measure(YamlNode e, String kind, Names names) {
        YamlNode value = e.entries().get(kind);
        boolean wholeReplay = kind.equals("lostWrites") || kind.equals("secrets") || kind.equals("logGroupsWithoutRetention")
                || STORAGE_MEASURES.contains(kind);
        if (wholeReplay && e.optional("in").isPresent()) {
            e.optional("in").get().problem(kind + " reads the whole replay, not a phase: leave out in");
            return Optional.empty();
        }
        Optional<String> phase = wholeReplay ? Optional.of("")
                : e.required("in", "the phase it reads, or run")
                .flatMap(YamlNode::text).filter(p -> names == null || names.phase(e.entries().get("in"), p));
        Aggregation aggregation = e.optional("aggregate").flatMap(Expectations::aggregation).orElse(Aggregation.SUM);
        if (phase.isEmpty()) {
            return Optional.empty();
        }
        String in = phase.get();
        Optional<Measure> measure = switch (kind) {
            case "p50", "p99", "maxLatency", "errors", "serverErrors", "fallbacks", "failed" -> value.text()
                    .filter(r -> names == null || names.request(value, r)).map(r -> requestMeasure(kind, in, r));
            case "max" -> value.text().map(series -> Expect.seriesMax(series, aggregation, in));
            case "min" -> value.text().map(series -> Expect.seriesMin(series, aggregation, in));
            case "increase" -> value.text().map(series -> Expect.seriesIncrease(series, in));
            case "sum" -> value.text().map(series -> Expect.seriesSum(series, in));
            case "answered" -> value.text().map(series -> Expect.percentOk(series, in));
            case "openBreakers" -> Optional.of(Expect.openBreakers(in));
            case "lostWrites" -> lostWrites(value, names);
            case "p99Rise" -> p99Rise(value, in, names);
            case "logGroupsWithoutRetention" -> logGroups(value, names);
            case "logged", "sampled", "logBytes", "secrets", "logVolume", "logCost" -> logMeasure(kind, value, in, names);
            case "storedPerUpload", "storedShare", "versions", "lifecycleRules", "variants", "storageCost" ->
                    storageMeasure(kind, value, names);
            default -> condition(kind, value, in, names);
        };
        Optional<Double> outOf = e.optional("outOf").flatMap(YamlNode::number);
        return outOf.isPresent() ? measure.map(m -> m.outOf(outOf.get())) : measure;
    }

    private static Measure requestMeasure(String kind, String phase, String request) {
        return switch (kind) {
            case "p50" -> Expect.p50(phase, request);
            case "p99" -> Expect.p99(phase, request);
            case "maxLatency" -> Expect.maxLatency(phase, request);
            case "errors" -> Expect.errorPercent(phase, request);
            case "serverErrors" -> Expect.serverErrorPercent(phase, request);
            case "failed" -> Expect.failedRequests(phase, request);
            default -> Expect.fallbackPercent(phase, request);
        };
    }

    private static Optional<Measure> logMeasure(String kind, YamlNode value, String phase, Names names) {
        if (names == null) {
            return Optional.empty(); // the load did not parse: its problems are reported, and there is nothing to check against
        }
        if (!names.watchesLogs()) {
            value.problem(kind + " reads the builds' logs: add logs: {requestId: X-Request-Id, canaries: [...]} to the incident");
            return Optional.empty();
        }
        boolean projects = kind.equals("logVolume") || kind.equals("logCost");
        if (projects && names.costs() == null) {
            if (names.costsGiven()) {
                return Optional.empty(); // the costs section's own problem is reported
            }
            value.problem(kind + " projects to production traffic: add costs: {traffic: {rate, source}, logIngestion: "
                    + "{usdPerGB, source}} to the incident");
            return Optional.empty();
        }
        if (kind.equals("secrets") && names.canaries() == 0) {
            value.problem("secrets counts the log lines holding a canary, but logs.canaries is empty: list the secret "
                    + "values the load sends");
            return Optional.empty();
        }
        if (kind.equals("sampled")) {
            return sampled(value, phase, names);
        }
        if (kind.equals("logged") && value.isMap()) {
            return loggedSlow(value, phase, names);
        }
        Optional<String> request = value.text().filter(r -> names.request(value, r));
        if (request.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.equals("logged") && !kind.equals("logBytes") && !request.get().equals(RequestStats.ALL)) {
            value.problem(kind + " reads every request's logging together: write " + kind + ": all");
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "logged" -> Expect.loggedPercent(phase, request.get());
            case "logBytes" -> request.get().equals(RequestStats.ALL) ? Expect.logBytesPerRequest(phase)
                    : Expect.requestLogBytes(phase, request.get());
            case "secrets" -> Expect.secretsInLogs();
            case "logVolume" -> Expect.monthlyLogGb(phase, names.costs());
            default -> Expect.monthlyLogUsd(phase, names.costs());
        });
    }

    private static Optional<Measure> storageMeasure(String kind, YamlNode value, Names names) {
        if (names == null) {
            return Optional.empty();
        }
        if (names.storage() == null) {
            if (!names.storageGiven()) {
                value.problem(kind + " reads the bucket the build stored in: add storage: {dependency: <its S3 dependency>, "
                        + "variants, headers, metadata, lifecycle} to the incident");
            }
            return Optional.empty();
        }
        Optional<String> dependency = value.text();
        if (dependency.isEmpty()) {
            return Optional.empty();
        }
        if (!dependency.get().equals(names.storage().dependency())) {
            value.problem(kind + " reads the bucket of storage.dependency, '" + names.storage().dependency() + "', not '"
                    + dependency.get() + "'");
            return Optional.empty();
        }
        String d = dependency.get();
        if (kind.equals("storageCost") && names.storageCosts() == null) {
            if (!names.costsGiven()) {
                value.problem("storageCost projects to production's bucket: add costs: {storedUploads: {count, source}, "
                        + "storage: {usdPerGBMonth, source}} to the incident");
            } else if (names.storageCosts() == null) {
                value.problem("storageCost needs costs.storedUploads and costs.storage");
            }
            return Optional.empty();
        }
        if (kind.equals("lifecycleRules") && names.storage().lifecycle().isEmpty()) {
            value.problem("lifecycleRules counts the rules of storage.lifecycle, which lists none: list the rules the bucket "
                    + "must have, e.g. noncurrent versions expire after 365 days");
            return Optional.empty();
        }
        if (kind.equals("variants") && names.storage().variants().isEmpty()) {
            value.problem("variants checks the objects against storage.variants, which lists none: e.g. variants: "
                    + "{large.jpg: 1600x1600}");
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "storedPerUpload" -> Expect.storedPerUpload(d);
            case "storedShare" -> Expect.storedShare(d);
            case "versions" -> Expect.mostVersions(d);
            case "lifecycleRules" -> Expect.lifecycleRules(d, names.storage().lifecycle());
            case "variants" -> Expect.variantsPercent(d);
            default -> Expect.monthlyStorageUsd(d, names.storageCosts());
        });
    }

    /** {@code logged: {request, slowerThan: 1.2s}}: the logged share of the requests answered later than that. */
    private static Optional<Measure> loggedSlow(YamlNode value, String phase, Names names) {
        value.onlyKeys("request", "slowerThan");
        Optional<String> request = value.required("request", "the request of the mix, or all").flatMap(YamlNode::text)
                .filter(r -> names.request(value.optional("request").get(), r));
        Optional<Duration> slowerThan = value.required("slowerThan", "how long a slow request takes, in real time, e.g. 1.2s")
                .flatMap(YamlNode::duration);
        return request.isPresent() && slowerThan.isPresent()
                ? Optional.of(Expect.loggedSlowPercent(phase, request.get(), slowerThan.get())) : Optional.empty();
    }

    /**
     * {@code sampled: {request, rate: 10%, routineWithin: 1s}}: the logged share's distance from the
     * rate, in binomial standard deviations, over the requests answered within {@code routineWithin}
     * (all of them without it).
     */
    private static Optional<Measure> sampled(YamlNode value, String phase, Names names) {
        value.onlyKeys("request", "rate", "routineWithin");
        Optional<YamlNode> routineNode = value.optional("routineWithin");
        Optional<Duration> routineWithin = routineNode.flatMap(YamlNode::duration);
        if (routineNode.isPresent() && routineWithin.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> request = value.required("request", "the request of the mix that is sampled").flatMap(YamlNode::text)
                .filter(r -> names.request(value.optional("request").get(), r));
        Optional<YamlNode> rateNode = value.required("rate", "the sampling rate, e.g. 10%");
        Optional<String> rateText = rateNode.flatMap(YamlNode::text).map(String::trim);
        if (request.isEmpty() || rateText.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!rateText.get().endsWith("%")) {
                throw new IllegalArgumentException("the sampling rate is a percentage, e.g. 10%, not '" + rateText.get() + "'");
            }
            double rate = Double.parseDouble(rateText.get().substring(0, rateText.get().length() - 1).trim()) / 100;
            return Optional.of(Expect.samplingDeviation(phase, request.get(), rate, routineWithin.orElse(null)));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            rateNode.get().problem(e instanceof NumberFormatException
                    ? "the sampling rate is a percentage, e.g. 10%, not '" + rateText.get() + "'" : e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code logGroupsWithoutRetention: <its CloudWatch Logs dependency>}. */
    private static Optional<Measure> logGroups(YamlNode value, Names names) {
        Optional<String> dependency = value.text();
        if (dependency.isEmpty() || names == null) {
            return Optional.empty();
        }
        if (!names.logGroupDependencies().contains(dependency.get())) {
            value.problem("logGroupsWithoutRetention reads the log groups of a CloudWatch Logs dependency, and '" + dependency.get()
                    + "' is not one" + (names.logGroupDependencies().isEmpty()
                            ? ": add one under dependencies, e.g. logs: {cloudWatchLogs: {prefix: /ecs/}, env: {url: CLOUDWATCH_LOGS_URL}}"
                            : "; the incident's are " + names.logGroupDependencies()));
            return Optional.empty();
        }
        return Optional.of(Expect.logGroupsWithoutRetention(dependency.get()));
    }

    /** {@code p99Rise: {request, from: steady}}: the request's p99 in the phase minus its p99 in {@code from}. */
    private static Optional<Measure> p99Rise(YamlNode value, String phase, Names names) {
        value.onlyKeys("request", "from");
        Optional<String> request = value.required("request", "the request of the mix, or all").flatMap(YamlNode::text)
                .filter(r -> names == null || names.request(value.optional("request").get(), r));
        Optional<String> from = value.required("from", "the phase whose p99 it rises from, e.g. steady").flatMap(YamlNode::text)
                .filter(f -> names == null || names.phase(value.optional("from").get(), f));
        return request.isPresent() && from.isPresent() ? Optional.of(Expect.p99Rise(phase, request.get(), from.get()))
                : Optional.empty();
    }

    private static Optional<Measure> lostWrites(YamlNode value, Names names) {
        value.onlyKeys("request", "persisted");
        Optional<String> request = value.required("request", "the write's request name").flatMap(YamlNode::text)
                .filter(r -> names == null || names.request(value.optional("request").get(), r));
        Optional<String> persisted = value.required("persisted", "the final query's series counting the rows").flatMap(YamlNode::text);
        return request.isPresent() && persisted.isPresent() ? Optional.of(Expect.lostWrites(request.get(), persisted.get()))
                : Optional.empty();
    }

    /** {@code timeWith}, {@code timeUntil}, {@code p99While}: a condition on a series, {@code {series, aggregate, <bound>: n}}. */
    private static Optional<Measure> condition(String kind, YamlNode c, String phase, Names names) {
        c.onlyKeys("series", "aggregate", "request", "atMost", "atLeast", "below", "above");
        Optional<String> series = c.required("series", "the probe series, e.g. pool.pending").flatMap(YamlNode::text);
        Aggregation aggregation = c.optional("aggregate").flatMap(Expectations::aggregation).orElse(Aggregation.SUM);
        List<String> bounds = c.entries().keySet().stream().filter(BOUNDS::contains).toList();
        if (bounds.size() != 1) {
            c.problem("needs exactly one condition of " + String.join(", ", BOUNDS) + ", e.g. above: 10");
            return Optional.empty();
        }
        Optional<Double> limit = c.entries().get(bounds.get(0)).number();
        if (series.isEmpty() || limit.isEmpty()) {
            return Optional.empty();
        }
        double v = limit.get();
        String op = switch (bounds.get(0)) {
            case "atMost" -> "<=";
            case "atLeast" -> ">=";
            case "below" -> "<";
            default -> ">";
        };
        DoublePredicate test = switch (op) {
            case "<=" -> x -> x <= v;
            case ">=" -> x -> x >= v;
            case "<" -> x -> x < v;
            default -> x -> x > v;
        };
        String text = op + " " + number(v) + (aggregation == Aggregation.MAX ? " on any instance"
                : aggregation == Aggregation.MIN ? " on every instance" : "");
        return switch (kind) {
            case "timeWith" -> Optional.of(Expect.percentOfTime(series.get(), aggregation, phase, text, test));
            case "timeUntil" -> Optional.of(Expect.millisUntil(series.get(), aggregation, phase, text, test));
            default -> c.required("request", "the request whose p99 is read").flatMap(YamlNode::text)
                    .filter(r -> names == null || names.request(c.optional("request").get(), r))
                    .map(r -> Expect.p99While(phase, r, series.get(), aggregation, series.get() + " " + text, test));
        };
    }

    private static Optional<Expectation> bound(Measure m, String kind, YamlNode node, boolean percent) {
        Optional<String> text = node.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().trim();
        boolean scaled = value.endsWith(INCIDENT_TIME);
        String amount = scaled ? value.substring(0, value.length() - INCIDENT_TIME.length()).trim() : value;
        Optional<Duration> duration = YamlNode.parseDuration(amount);
        if (scaled && duration.isEmpty()) {
            node.problem("'" + value + "': only a duration can be in incident time, e.g. 10s incident time");
            return Optional.empty();
        }
        if (duration.isPresent() && percent) {
            node.problem("'" + value + "' is a duration, but this measure is a percentage, e.g. 0.1%");
            return Optional.empty();
        }
        if (scaled) {
            if (kind.equals("below") || kind.equals("above")) {
                node.problem("a bound in incident time is atMost or atLeast, not " + kind);
                return Optional.empty();
            }
            return Optional.of(kind.equals("atMost") ? m.atMostScaled(duration.get()) : m.atLeastScaled(duration.get()));
        }
        double limit;
        if (duration.isPresent()) {
            limit = duration.get().toNanos() / 1e6;
        } else {
            String number = amount.endsWith("%") ? amount.substring(0, amount.length() - 1).trim() : amount;
            if (amount.endsWith("%") && !percent) {
                node.problem("'" + value + "' is a percentage, but this measure is not one");
                return Optional.empty();
            }
            try {
                limit = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                node.problem("must be a number, a percentage (50%), a duration (700ms) or a duration in incident time "
                        + "(10s incident time), but is '" + value + "'");
                return Optional.empty();
            }
        }
        return Optional.of(switch (kind) {
            case "atMost" -> m.atMost(limit);
            case "atLeast" -> m.atLeast(limit);
            case "below" -> m.below(limit);
            default -> m.above(limit);
        });
    }

    private static Optional<Aggregation> aggregation(YamlNode node) {
        return node.oneOf("sum", "max", "min").map(a -> Aggregation.valueOf(a.toUpperCase(Locale.ROOT)));
    }

    private static boolean isMeasure(String key) {
        return allMeasures().contains(key);
    }

    private static boolean isPercent(String kind) {
        return List.of("errors", "serverErrors", "fallbacks", "answered", "timeWith", "logged", "storedShare", "variants",
                "logGroupsWithoutRetention")
                .contains(kind);
    }

    private static List<String> allMeasures() {
        return java.util.stream.Stream.of(REQUEST_MEASURES, SERIES_MEASURES, CONDITION_MEASURES, OTHER_MEASURES, LOG_MEASURES,
                        STORAGE_MEASURES)
                .flatMap(List::stream).toList();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
