package io.incidentreplay.scenario.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The Incident Replay home: the checkout {@code ./replay} runs from, which holds the built-in
 * incident files ({@code incidents/}; the builds they name are paths in the files). {@code ./replay}
 * passes it as {@code -Dreplay.home}; without it, it is found from where {@code replay.jar} lies.
 */
final class ReplayHome {

    private ReplayHome() {}

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
            Path self = Path.of(ReplayHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate replay.jar", e);
        }
    }
}
