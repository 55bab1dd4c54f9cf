package io.incidentreplay.scenario.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.incidentreplay.scenario.testsupport.BuiltInIncidents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/incident-format.schema.json describes the files the harness reads: every built-in file passes it. */
class IncidentSchemaTest {

    private static final Path SCHEMA = Path.of("..", "docs", "incident-format.schema.json");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
    }

    @Test
    void everyBuiltInIncidentFileFollowsTheSchema() throws IOException {
        JsonSchema schema = schema();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(BuiltInIncidents.DIRECTORY)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            Set<ValidationMessage> errors = schema.validate(yaml.readTree(file.toFile()));
            assertThat(errors).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theSchemaRefusesWhatTheHarnessRefuses() throws IOException {
        JsonNode misspelt = yaml.readTree("""
                format: incident-replay/incident@1
                budget: []
                faults: [{toxic: latencyy, proxy: x, phase: fault}]
                signature: [{p99: home, in: fault, atMost: 70 percent}]
                """);

        Set<ValidationMessage> errors = schema().validate(misspelt);

        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("budget"))
                .anySatisfy(m -> assertThat(m).contains("faults[0]"))
                .anySatisfy(m -> assertThat(m).contains("signature[0]"));
    }
}
