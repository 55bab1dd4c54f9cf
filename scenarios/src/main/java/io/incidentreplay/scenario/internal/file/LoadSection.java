package io.incidentreplay.scenario.internal.file;

import io.incidentreplay.scenario.LoadProfile;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * {@code {field, file, fileName, contentType, form}}: {@code file} is a path (relative to the
     * incident file) or {@code {phonePhoto: {width, height, bytes}}}, which the harness generates.
     */
    static Optional<Upload> upload(YamlNode u) {
        u.onlyKeys("field", "file", "fileName", "contentType", "form");
        Optional<String> field = u.required("field", "the form field the file goes in, e.g. photo").flatMap(YamlNode::text);
        Optional<Upload.File> file = u.required("file", "a path, or {phonePhoto: {width: 4032, height: 3024, bytes: 12847382}}")
                .flatMap(LoadSection::uploadFile);
        String fileName = u.optional("fileName").flatMap(YamlNode::text).orElse("upload.bin");
        String contentType = u.optional("contentType").flatMap(YamlNode::text).orElse("application/octet-stream");
        Map<String, String> form = u.optional("form").map(YamlNode::stringMap).orElse(Map.of());
        if (field.isEmpty() || file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Upload(field.get(), file.get(), fileName, contentType, form));
    }

    private static Optional<Upload.File> uploadFile(YamlNode f) {
        if (!f.isMap()) {
            Optional<Path> path = f.path();
            path.filter(p -> !Files.isRegularFile(p)).ifPresent(p -> f.problem("no file at " + p));
            return path.filter(Files::isRegularFile).map(Upload.OnDisk::new);
        }
        f.onlyKeys("phonePhoto");
        Optional<YamlNode> photo = f.required("phonePhoto", "{width: 4032, height: 3024, bytes: 12847382}");
        photo.ifPresent(p -> p.onlyKeys("width", "height", "bytes"));
        Optional<Integer> width = photo.flatMap(p -> p.required("width", "pixels, e.g. 4032")).flatMap(YamlNode::integer);
        Optional<Integer> height = photo.flatMap(p -> p.required("height", "pixels, e.g. 3024")).flatMap(YamlNode::integer);
        Optional<Double> bytes = photo.flatMap(p -> p.required("bytes", "its size, e.g. 12847382")).flatMap(YamlNode::number);
        if (width.isEmpty() || height.isEmpty() || bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Upload.PhonePhoto(width.get(), height.get(), Math.round(bytes.get())));
        } catch (IllegalArgumentException e) {
            photo.get().problem(e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<RequestSpec> request(YamlNode m) {
        m.onlyKeys("name", "weight", "method", "path", "headers", "body", "authenticated", "fallback", "upload");
        Optional<String> name = m.required("name", "how the request is reported, e.g. checkout").flatMap(YamlNode::text);
        double weight = m.optional("weight").flatMap(YamlNode::number).orElse(1.0);
        String method = m.optional("method").flatMap(x -> x.oneOf("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")).orElse("GET");
        Optional<String> path = m.required("path", "e.g. /api/v1/products?page=1").flatMap(YamlNode::text);
        Map<String, String> headers = m.optional("headers").map(YamlNode::stringMap).orElse(Map.of());
        String body = m.optional("body").flatMap(YamlNode::string).orElse(null);
        boolean authenticated = m.optional("authenticated").flatMap(YamlNode::bool).orElse(true);
        String fallback = m.optional("fallback").flatMap(YamlNode::text).orElse(null);
        Optional<YamlNode> uploadNode = m.optional("upload");
        Optional<Upload> upload = uploadNode.flatMap(LoadSection::upload);
        if (name.isEmpty() || path.isEmpty() || uploadNode.isPresent() && upload.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RequestSpec(name.get(), weight, method, path.get(), headers, body, authenticated, fallback,
                    upload.orElse(null)));
        } catch (IllegalArgumentException e) {
            m.problem(e.getMessage());
            return Optional.empty();
        }
    }
}
