package io.incidentreplay.petforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionsTest {

    /** A new migration without its version in Schema.VERSIONS would be skipped on migrated databases. */
    @Test
    void theKnownVersionsAreExactlyTheMigrationFilesAndJavaMigrations() throws IOException, URISyntaxException {
        Path migrations = Path.of(Schema.class.getResource("/db/migration/petforce").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            Stream<String> sql = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")));
            Stream<String> java = Schema.JAVA_MIGRATIONS.stream().map(m -> m.getVersion().getVersion());
            List<String> versions = Stream.concat(sql, java)
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
            assertThat(Schema.VERSIONS).isEqualTo(versions);
        }
    }
}
