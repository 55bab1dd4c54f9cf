package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.Build;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.seed.DatasetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What run and gate share: the builds, the dataset, the time scale and where reports go, each checked. */
final class ReplayOptions {

    @Option(names = {"--baseline", "--baseline-jar"}, paramLabel = "BUILD", description = "the baseline build: a jar, a "
            + "command line (\"node server.js\"), or the URLs of running instances (http://10.0.0.5:8080,http://10.0.0.6:8080); "
            + "default: the one the incident file names")
    String baselineBuild;

    @Option(names = {"--candidate", "--candidate-jar"}, paramLabel = "BUILD", description = "the candidate build, as for "
            + "--baseline; default: the one the incident file names")
    String candidateBuild;

    @Option(names = "--dataset", description = "dataset preset: mvp, ci or production (default: the incident's)")
    String dataset;

    @Option(names = "--time-scale", description = "factor for every timer, e.g. 0.1 = ten times faster (default: the incident's)")
    String timeScale;

    @Option(names = "--output", description = "where reports go (default: replay-reports/<date-time>)")
    Path output;

    @Option(names = "--junit", paramLabel = "FILE", description = "where the JUnit XML of the verdicts goes, for a CI's "
            + "test report (default: junit.xml in the output directory)")
    Path junit;

    @Option(names = "--verbose", description = "log lines (the launcher's, the load balancer's, Gatling's) on the console "
            + "too; they always go to replay.log in the output directory")
    boolean verbose;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "run every replay N times (1-100) and "
            + "report each finding's spread (min/median/max) and each verdict's count; exit non-zero on any unexpected "
            + "verdict (default: ${DEFAULT-VALUE})")
    int repeat;

    /** The user's baseline build, else the one the incident file names. */
    Build baseline(LoadedIncident incident) {
        return build("--baseline", baselineBuild, incident.baseline(), incident);
    }

    /** The user's candidate build, else the one the incident file names. */
    Build candidate(LoadedIncident incident) {
        return build("--candidate", candidateBuild, incident.candidate(), incident);
    }

    /** The dataset to load: the user's preset, else the incident's. */
    DatasetSource dataset(Incident incident) {
        if (dataset == null) {
            return incident.dataset();
        }
        try {
            return DatasetSource.preset(dataset);
        } catch (RuntimeException e) {
            throw new UserError("--dataset: " + e.getMessage());
        }
    }

    /** The time scale: the user's, else the incident's; refused for incidents not valid compressed. */
    TimeScale timeScale(Incident incident) {
        TimeScale scale;
        try {
            scale = timeScale == null ? incident.defaultTimeScale() : TimeScale.parse(timeScale);
        } catch (IllegalArgumentException e) {
            throw new UserError("--time-scale: " + e.getMessage());
        }
        if (!scale.isRealTime() && !incident.validUnderCompression()) {
            throw new UserError("incident '" + incident.id() + "' is not valid under time compression; use --time-scale 1");
        }
        return scale;
    }

    /** How many times to run every replay, checked. */
    int repeats() {
        if (repeat < 1 || repeat > 100) {
            throw new UserError("--repeat must be between 1 and 100, but was " + repeat);
        }
        return repeat;
    }

    /** {@code replay-reports/<date-time>} under the working directory, unless the user chose; the same at every call. */
    Path output() {
        if (output == null) {
            output = Path.of("replay-reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return output.toAbsolutePath();
    }

    /** The JUnit XML file: the user's, else {@code junit.xml} in the output directory. */
    Path junit() {
        return junit != null ? junit.toAbsolutePath() : output().resolve(JUnitReport.FILE_NAME);
    }

    /** The user's build, else the file's; a jar must exist. */
    private static Build build(String option, String given, Optional<Build> named, LoadedIncident incident) {
        Build build;
        try {
            build = given != null ? parse(given)
                    : named.orElseThrow(() -> new UserError(incident.file().getFileName() + " names no " + option.substring(2)
                            + " build (service: " + option.substring(2) + ": {jar: ...}); give " + option));
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
        if (build instanceof Build.Jar jar && !Files.isRegularFile(jar.path())) {
            throw new UserError((given != null ? option + ": no build jar at " : "the build " + incident.file().getFileName()
                    + " names is missing at ") + jar.path() + (given != null ? "" : "; build it (the reference builds: mvn "
                    + "-DskipTests package, which ./replay runs on first use) or give " + option));
        }
        return build;
    }

    /** URLs (comma-separated), a jar, or a command line split at spaces. */
    static Build parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            return new Build.Urls(java.util.Arrays.stream(trimmed.split(",")).map(String::trim).map(java.net.URI::create).toList());
        }
        if (trimmed.endsWith(".jar") && !trimmed.contains(" ")) {
            return new Build.Jar(Path.of(trimmed).toAbsolutePath().normalize());
        }
        return new Build.Command(List.of(trimmed.split("\\s+")), Path.of("").toAbsolutePath());
    }
}
