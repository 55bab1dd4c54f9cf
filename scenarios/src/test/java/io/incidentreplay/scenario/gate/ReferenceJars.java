package io.incidentreplay.scenario.gate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.incidentreplay.scenario.Build;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference builds as the reactor packaged them, seen from the scenarios module. */
final class ReferenceJars {

    private ReferenceJars() {}

    static Build before() {
        return new Build.Jar(jar("before"));
    }

    static Build after() {
        return new Build.Jar(jar("after"));
    }

    /** Skips (visibly) when the build was not packaged, e.g. {@code mvn -pl scenarios verify} alone. */
    private static Path jar(String build) {
        Path jar = Path.of("..", "target-app", build, "target", "petforce-" + build + ".jar").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(jar), "the " + build + " build is not packaged at " + jar
                + "; run the whole reactor (mvn verify) or mvn -DskipTests package first");
        return jar;
    }
}
