package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import io.incidentreplay.scenario.TimeScale;
import io.incidentreplay.seed.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What run and gate share: the builds, the dataset, the time scale and where reports go, each checked. */
final class ReplayOptions {

    @Option(names = "--baseline-jar", description = "the baseline build (default: the reference before build)")
    Path baselineJar;

    @Option(names = "--candidate-jar", description = "the candidate build (default: the reference after build)")
    Path candidateJar;

    @Option(names = "--dataset", description = "dataset preset: mvp, ci or production (default: the incident's)")
    String dataset;

    @Option(names = "--time-scale", description = "factor for every timer, e.g. 0.1 = ten times faster (default: the incident's)")
    String timeScale;

    @Option(names = "--output", description = "where reports go (default: replay-reports/<date-time>)")
    Path output;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "run every replay N times (1-100) and "
            + "report each finding's spread (min/median/max) and each verdict's count; exit non-zero on any unexpected "
            + "verdict (default: ${DEFAULT-VALUE})")
    int repeat;

    /** The user's baseline jar, else the one the incident file names. */
    Path baseline(LoadedIncident incident) {
        return jar("--baseline-jar", baselineJar, incident.baselineJar(), incident);
    }

    /** The user's candidate jar, else the one the incident file names. */
    Path candidate(LoadedIncident incident) {
        return jar("--candidate-jar", candidateJar, incident.candidateJar(), incident);
    }

    /** The dataset to load: the user's preset, else the incident's. */
    DatasetSpec dataset(Incident incident) {
        try {
            return DatasetSpec.preset(dataset == null ? incident.dataset() : dataset);
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

    /** {@code replay-reports/<date-time>} under the working directory, unless the user chose. */
    Path output() {
        Path out = output != null ? output
                : Path.of("replay-reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return out.toAbsolutePath();
    }

    /** The user's jar, else the file's; either must exist. */
    private static Path jar(String option, Path given, Optional<Path> named, LoadedIncident incident) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new UserError(option + ": no build jar at " + given.toAbsolutePath());
            }
            return given.toAbsolutePath();
        }
        Path jar = named.orElseThrow(() -> new UserError(incident.file() + " names no " + option.substring(2, option.indexOf('-', 2))
                + " build (service: " + option.substring(2, option.indexOf('-', 2)) + ": {jar: ...}); give " + option));
        if (!Files.isRegularFile(jar)) {
            throw new UserError("the build " + incident.file().getFileName() + " names is missing at " + jar + "; build it "
                    + "(the reference builds: mvn -DskipTests package, which ./replay runs on first use) or give " + option);
        }
        return jar;
    }
}
