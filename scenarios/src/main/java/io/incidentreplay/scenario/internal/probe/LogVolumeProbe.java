package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.Sample;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How many bytes each launched instance has written to its log so far ({@code log.bytes}, a
 * counter, one source per instance): its growth over a phase, per request, is what the logs cost.
 * The size of the file the launcher redirects the instance's stdout and stderr to, read with one
 * {@code stat} per instance and round.
 */
public final class LogVolumeProbe implements Probe {

    public static final String SERIES = "log.bytes";

    private final Supplier<Map<String, Path>> logFiles;

    /** @param logFiles each instance's log file, by instance name, asked every round */
    public LogVolumeProbe(Supplier<Map<String, Path>> logFiles) {
        this.logFiles = logFiles;
    }

    @Override
    public void sample(long atMillis, Timeline timeline) {
        logFiles.get().forEach((instance, file) -> {
            try {
                timeline.add(new Sample(atMillis, SERIES, instance, Files.size(file)));
            } catch (IOException missing) {
                // not written yet, or removed: no reading this round
            }
        });
    }
}
