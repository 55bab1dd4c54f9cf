package io.incidentreplay.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFingerprintTest {

    @TempDir
    Path root;

    @Test
    void same_migrations_same_fingerprint_and_any_edit_changes_it() throws IOException {
        Path folder = Files.createDirectories(root.resolve("db/migration/petforce"));
        Files.writeString(folder.resolve("V1__tables.sql"), "CREATE TABLE pets (id bigint);");
        Files.writeString(folder.resolve("V2__keys.sql"), "ALTER TABLE pets ADD PRIMARY KEY (id);");
        String first = fingerprint();

        assertThat(fingerprint()).as("unchanged migrations").isEqualTo(first);

        Files.writeString(folder.resolve("V2__keys.sql"), "ALTER TABLE pets ADD PRIMARY KEY (id); -- edited");
        assertThat(fingerprint()).as("after editing V2").isNotEqualTo(first).hasSize(16);
    }

    @Test
    void the_real_schema_on_the_classpath_has_a_fingerprint() {
        assertThat(SchemaFingerprint.of(getClass().getClassLoader(), "db/migration/petforce")).hasSize(16);
    }

    @Test
    void missing_migrations_are_an_error_that_names_the_folder() {
        assertThatThrownBy(() -> SchemaFingerprint.of(getClass().getClassLoader(), "db/migration/nothing"))
                .hasMessageContaining("db/migration/nothing");
    }

    private String fingerprint() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return SchemaFingerprint.of(loader, "db/migration/petforce");
        }
    }
}
