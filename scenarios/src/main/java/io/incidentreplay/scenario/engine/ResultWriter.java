package io.incidentreplay.scenario.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link ReplayResult} as {@code result.json} in the documented, versioned format. */
public final class ResultWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {}

    public static Path write(ReplayResult result, Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("result.json");
            JSON.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay result into " + directory, e);
        }
    }
}
