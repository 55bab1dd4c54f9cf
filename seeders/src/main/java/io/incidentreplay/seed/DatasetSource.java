package io.incidentreplay.seed;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a replay's data comes from: the PetForce seeder ({@link DatasetSpec}: a preset, pets and a
 * seed), or a SQL script of the user's — plain SQL, or a plain-format {@code pg_dump}
 * ({@code pg_dump --format=plain}, whose {@code COPY … FROM stdin} blocks are streamed). Either is
 * loaded once into a template database and cloned per replay ({@link TemplateCache}).
 */
public sealed interface DatasetSource {

    /** In words, for progress lines and results. */
    String describe();

    /** The PetForce seeder's dataset. */
    record Seeded(DatasetSpec spec) implements DatasetSource {
        public Seeded {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public String describe() {
            return spec.toString();
        }
    }

    /** A SQL script or a plain-format pg_dump; its template is keyed by the file's content. */
    record Script(Path file) implements DatasetSource {
        public Script {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return "script " + file.getFileName();
        }
    }

    /** The named seeder preset; an unknown name lists the presets. */
    static DatasetSource preset(String name) {
        return new Seeded(DatasetSpec.preset(name));
    }
}
