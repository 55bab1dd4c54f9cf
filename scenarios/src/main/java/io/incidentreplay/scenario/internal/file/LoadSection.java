package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code load} of an incident file: its phases, its request mix, and the Gatling simulation of
 * your own that sends it, if one does.
 */
final class LoadSection {

    private LoadSection() {}

    static Optional<LoadProfile> load(YamlNode l) {
        l.onlyKeys("phases", "mix", "headers", "simulation", "warmUpSkips");
        List<YamlNode> phaseNodes = l.required("phases", "a list of {name, duration, rate}").map(YamlNode::items).orElse(List.of());
        List<Phase> phases = phaseNodes.stream().map(LoadSection::phase).flatMap(Optional::stream).toList();
        List<YamlNode> requestNodes = l.required("mix", "a list of requests").map(YamlNode::items).orElse(List.of());
        Map<String, String> common = l.optional("headers").map(YamlNode::stringMap).orElse(Map.of());
        List<RequestSpec> mix = requestNodes.stream().map(LoadSection::request).flatMap(Optional::stream)
                .map(r -> r.withHeadersUnder(common)).toList();
        Optional<String> simulation = l.optional("simulation").flatMap(YamlNode::text);
        // a phase or request that did not parse would make every name that refers to it look misspelt
        if (phases.isEmpty() || mix.isEmpty() || phases.size() < phaseNodes.size() || mix.size() < requestNodes.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadProfile(phases, mix, simulation));
        } catch (IllegalArgumentException e) {
            l.problem(e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Phase> phase(YamlNode p) {
        p.onlyKeys("name", "duration", "rate");
        Optional<String> name = p.required("name", "e.g. steady").flatMap(YamlNode::text);
        Optional<Duration> duration = p.required("duration", "e.g. 60s").flatMap(YamlNode::duration);
        Optional<YamlNode> rate = p.required("rate", "requests per second, or {from: 10, to: 60}");
        Optional<double[]> rates = rate.flatMap(r -> {
            if (r.isMap()) {
                r.onlyKeys("from", "to");
                Optional<Double> from = r.required("from", "req/s at the start").flatMap(YamlNode::number);
                Optional<Double> to = r.required("to", "req/s at the end").flatMap(YamlNode::number);
                return from.isPresent() && to.isPresent() ? Optional.of(new double[] {from.get(), to.get()}) : Optional.empty();
            }
            return r.number().map(v -> new double[] {v, v});
        });
        if (name.isEmpty() || duration.isEmpty() || rates.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Phase(name.get(), duration.get(), rates.get()[0], rates.get()[1]));
        } catch (IllegalArgumentException e) {
            p.problem(e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<RequestSpec> request(YamlNode m) {
        m.onlyKeys("name", "weight", "method", "path", "headers", "body", "authenticated", "fallback");
        Optional<String> name = m.required("name", "how the request is reported, e.g. checkout").flatMap(YamlNode::text);
        double weight = m.optional("weight").flatMap(YamlNode::number).orElse(1.0);
        String method = m.optional("method").flatMap(x -> x.oneOf("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")).orElse("GET");
        Optional<String> path = m.required("path", "e.g. /api/v1/products?page=1").flatMap(YamlNode::text);
        Map<String, String> headers = m.optional("headers").map(YamlNode::stringMap).orElse(Map.of());
        String body = m.optional("body").flatMap(YamlNode::string).orElse(null);
        boolean authenticated = m.optional("authenticated").flatMap(YamlNode::bool).orElse(true);
        String fallback = m.optional("fallback").flatMap(YamlNode::text).orElse(null);
        if (name.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RequestSpec(name.get(), weight, method, path.get(), headers, body, authenticated, fallback));
        } catch (IllegalArgumentException e) {
            m.problem(e.getMessage());
            return Optional.empty();
        }
    }
}
