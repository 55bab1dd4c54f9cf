package io.incidentreplay.scenario.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentreplay.fixtures.environment.storage.LocalStackS3Backend;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.testsupport.BuiltInIncidents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The root's docker-compose.yml, which no engine runs here: Docker Compose itself parses it (when it
 * is installed; .ci/run installs Debian's), and its wiring matches what the incidents need.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    /** Each proxy of compose/toxiproxy.json by name: its listen port and upstream. */
    private static Map<String, JsonNode> proxies() throws IOException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        new ObjectMapper().readTree(ROOT.resolve("compose/toxiproxy.json").toFile()).forEach(p -> byName.put(p.get("name").asText(), p));
        return byName;
    }

    @Test
    void dockerComposeParsesTheFile() throws Exception {
        List<String> command = composeCommand().orElse(null);
        Assumptions.assumeTrue(command != null, "neither docker compose nor docker-compose is installed: the file was not "
                + "parsed by Compose (apt-get install docker-compose)");
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
        Process compose = new ProcessBuilder(all).directory(ROOT.toFile()).redirectErrorStream(true).start();
        assertThat(compose.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(compose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compose.exitValue()).as(String.join(" ", all) + ": " + output).isZero();
    }

    @Test
    void toxiproxyHasAProxyForEveryDependencyOfEveryIncidentAndTheBuildsCallThroughThem() throws IOException {
        Map<String, JsonNode> proxies = proxies();
        for (Incident incident : BuiltInIncidents.all()) {
            assertThat(proxies).as(incident.id() + "'s dependencies")
                    .containsKeys(incident.dependencies().stream().map(Dependency::name).toArray(String[]::new));
        }
        for (String build : List.of("petforce-before", "petforce-after")) {
            Map<String, Object> env = environment(services().get(build));
            assertThat(env.get("DB_URL").toString()).contains(":" + port(proxies.get("postgres")) + "/");
            assertThat(env.get("WEATHER_API_URL").toString()).endsWith(":" + port(proxies.get("weather-api")));
            assertThat(env.get("S3_URL").toString()).endsWith(":" + port(proxies.get("uploads")));
            assertThat(env.get("S3_BUCKET")).isEqualTo("petforce-user-uploads");
            assertThat(env.get("CLOUDWATCH_LOGS_URL").toString()).endsWith(":" + port(proxies.get("cloudwatch-logs")));
        }
    }

    @Test
    void theStackRunsWhatTheIssueAndTheHarnessExpect() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.get("postgres").get("command").toString()).contains("max_connections=100");
        assertThat(services.get("toxiproxy").get("image").toString()).endsWith(":2.12.0");
        assertThat(services.get("toxiproxy").get("command").toString()).contains("-config=/config/toxiproxy.json");
        assertThat(services.get("localstack").get("image")).isEqualTo(LocalStackS3Backend.IMAGE.asCanonicalNameString());
        assertThat(services.get("weather-api").get("volumes").toString()).contains("./incidents/petforce/weather-api:");
        assertThat(services.get("petforce-before").get("volumes").toString()).contains("./target-app/before/target/petforce-before.jar");
        assertThat(services.get("petforce-after").get("volumes").toString()).contains("./target-app/after/target/petforce-after.jar");
        assertThat(ROOT.resolve("incidents/petforce/weather-api/mappings")).isDirectory();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    private static int port(JsonNode proxy) {
        String listen = proxy.get("listen").asText();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** {@code docker compose} (the plugin) or {@code docker-compose} (Debian's), whichever answers. */
    private static Optional<List<String>> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException | InterruptedException notThere) {
                // try the next
            }
        }
        return Optional.empty();
    }
}
