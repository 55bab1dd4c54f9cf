package io.incidentreplay.scenario.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the reference PetForce jars are: {@code target-app/<build>/target/petforce-<build>.jar}
 * under the Incident Replay home. {@code ./replay} passes the home as {@code -Dreplay.home};
 * without it, the home is found from where {@code replay.jar} itself lies.
 */
final class ReferenceBuilds {

    static final String[] NAMES = {"before", "after"};

    private ReferenceBuilds() {}

    static Path jar(String build) {
        String name = build.toLowerCase(Locale.ROOT);
        if (!name.equals("before") && !name.equals("after")) {
            throw new UserError("unknown build '" + build + "': the reference builds are 'before' and 'after'");
        }
        Path jar = home().resolve("target-app").resolve(name).resolve("target").resolve("petforce-" + name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new UserError("the " + name + " build is missing at " + jar
                    + "; build it with: mvn -DskipTests package (./replay does this on first use)");
        }
        return jar;
    }

    /** The built-in incident files: {@code incidents/} under the home. */
    static Path incidents() {
        return home().resolve("incidents");
    }

    static Path home() {
        String configured = System.getProperty("replay.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            // .../scenarios/target/replay.jar -> the repository root three levels up
            Path self = Path.of(ReferenceBuilds.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate replay.jar", e);
        }
    }
}
