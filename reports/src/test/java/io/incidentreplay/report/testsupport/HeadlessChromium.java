package io.incidentreplay.report.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, driven from the command line: dump a page's DOM after its scripts ran,
 * or take a screenshot. Network features are off, so a page that needed the network would show it.
 */
public final class HeadlessChromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Path profile;

    /** @param workDirectory where the throw-away browser profile lives */
    public HeadlessChromium(Path workDirectory) {
        this.profile = workDirectory.resolve("chromium-profile");
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** The DOM after the page's scripts ran, as Chromium serialises it. */
    public String dumpDom(Path page) {
        return run(page, "--dump-dom", page.getParent().resolve("dom.html"));
    }

    /** Writes a screenshot of the page to {@code png}. */
    public void screenshot(Path page, Path png) {
        run(page, "--screenshot=" + png.toAbsolutePath(), page.getParent().resolve("screenshot.log"));
    }

    private String run(Path page, String mode, Path output) {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,2400",
                "--virtual-time-budget=5000", mode, page.toAbsolutePath().toUri().toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(output.toFile())
                    .redirectError(page.getParent().resolve("chromium-stderr.log").toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 90 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(page.getParent().resolve("chromium-stderr.log")));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + EXECUTABLE + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium rendered " + page, e);
        }
    }
}
