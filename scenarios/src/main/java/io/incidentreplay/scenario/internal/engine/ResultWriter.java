package io.incidentreplay.scenario.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incidentreplay.report.Redactor;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.incidentreplay.scenario.ReplayResult;

/**
 * Writes a {@link ReplayResult} as {@code result.json} in the documented, versioned format, with
 * every string passed through the reports' {@link Redactor}: a build that logs its credentials into
 * an error message must not leak them into a file people attach to post-mortems.
 */
public final class ResultWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {}

    private static JsonNode redacted(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(Redactor.redact(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, redacted(object.get(name))));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i)));
            }
        }
        return node;
    }

    public static Path write(ReplayResult result, Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("result.json");
            JSON.writeValue(file.toFile(), redacted(JSON.valueToTree(result)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay result into " + directory, e);
        }
    }
}
