package io.incidentreplay.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incidentreplay.report.Redactor;
import io.incidentreplay.report.ReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code result.json} into {@link ReplayData}, checking its format and masking every string
 * (values and keys alike) with {@link Redactor} before anything can render it.
 */
public final class ResultReader {

    /** The formats this module renders; a new major format needs a new reader. */
    public static final List<String> SUPPORTED_FORMATS = List.of("incident-replay/result@1");

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultReader() {}

    /**
     * @param file a {@code result.json}
     * @return its redacted contents
     * @throws ReportException when the file is missing, unreadable, not JSON or of an unsupported format
     */
    public static ReplayData read(Path file) {
        if (file == null) {
            throw new ReportException("no result file given: pass the path of a result.json written by './replay run'");
        }
        if (!Files.isRegularFile(file)) {
            throw new ReportException("result file " + file + " does not exist (or is not a file): pass the result.json"
                    + " under <output>/<incident-id>/<role>/ written by './replay run'");
        }
        JsonNode tree = parse(file);
        if (!(tree instanceof ObjectNode object)) {
            throw new ReportException("result file " + file + " is not a JSON object but " + tree.getNodeType()
                    + "; expected a replay result of format " + SUPPORTED_FORMATS.get(0));
        }
        checkFormat(file, object.get("format"));
        require(file, object, "verdict");
        require(file, object, "role");
        try {
            return JSON.treeToValue(redacted(object), ReplayData.class);
        } catch (JsonProcessingException e) {
            throw new ReportException("result file " + file + " does not follow format " + SUPPORTED_FORMATS.get(0)
                    + " (see docs/results-format.md): " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ReportException("result file " + file + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); was the replay interrupted while writing it? Re-run the replay", e);
        } catch (IOException e) {
            throw new ReportException("cannot read result file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkFormat(Path file, JsonNode format) {
        if (format == null || !format.isTextual()) {
            throw new ReportException("result file " + file + " has no \"format\" field; supported formats: "
                    + SUPPORTED_FORMATS + " (a result.json written by a matching version of './replay run' carries one)");
        }
        if (!SUPPORTED_FORMATS.contains(format.asText())) {
            throw new ReportException("result file " + file + " has format \"" + Redactor.redact(format.asText())
                    + "\", which this version of the reports cannot read; supported formats: " + SUPPORTED_FORMATS
                    + ". Render it with the version of incident-replay that wrote it");
        }
    }

    private static void require(Path file, ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ReportException("result file " + file + " has no \"" + field + "\" (format " + SUPPORTED_FORMATS.get(0)
                    + " requires it; see docs/results-format.md)");
        }
    }

    /** A copy of the tree in which every string and every object key went through the redactor. */
    static JsonNode redacted(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(Redactor.redact(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(Redactor.redact(field.getKey()), redacted(field.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(redacted(element)));
            return copy;
        }
        return node;
    }
}
