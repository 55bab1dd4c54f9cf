package io.incidentreplay.scenario.internal.measure;

import io.incidentreplay.scenario.LogWatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The builds' log output read once after the load, joined with what the load sent: which requests
 * a log line names (by the request id the load put in each one) and how many lines hold a canary
 * secret. An incident that watches no logs gets {@link #NONE}.
 *
 * @param sent every request the load sent, by virtual user: its name and when it was sent
 * @param logged per virtual user whose request id appears in some log line, the bytes of those lines
 * @param canaryLines per canary, the log lines that contain it
 * @param secretLines the log lines that contain any canary (a line with three counts once)
 * @param files how many log files were read
 */
public record LogScan(Map<Long, RequestLog.Sent> sent, Map<Long, Long> logged, Map<String, Long> canaryLines,
        long secretLines, int files) {

    public static final LogScan NONE = new LogScan(Map.of(), Map.of(), Map.of(), 0, 0);

    /** A virtual user's number: a long, so at most 18 digits are one (a longer run of digits is not an id of ours). */
    private static final Pattern REQUEST_ID = Pattern.compile(Pattern.quote(LogWatch.ID_PREFIX) + "(\\d{1,18})(?!\\d)");

    public LogScan {
        sent = Map.copyOf(sent);
        logged = Map.copyOf(logged);
        canaryLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(canaryLines));
    }

    /** Reads every line of {@code logFiles} (UTF-8; a malformed byte does not stop it). */
    public static LogScan of(List<Path> logFiles, LogWatch watch, Map<Long, RequestLog.Sent> sent) {
        Map<Long, Long> logged = new HashMap<>();
        Map<String, Long> canaryLines = new LinkedHashMap<>();
        watch.canaries().forEach(c -> canaryLines.put(c, 0L));
        long secretLines = 0;
        for (Path file : logFiles) {
            try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    secretLines += scan(line, logged, canaryLines) ? 1 : 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the build's log " + file + ": " + e.getMessage(), e);
            }
        }
        return new LogScan(sent, logged, canaryLines, secretLines, logFiles.size());
    }

    /** Notes the request ids and canaries of one line; true when it holds a canary. */
    private static boolean scan(String line, Map<Long, Long> logged, Map<String, Long> canaryLines) {
        if (line.contains(LogWatch.ID_PREFIX)) {
            long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L; // and its newline
            Matcher m = REQUEST_ID.matcher(line);
            Set<Long> named = new HashSet<>();
            while (m.find()) {
                named.add(Long.parseLong(m.group(1)));
            }
            named.forEach(id -> logged.merge(id, bytes, Long::sum));
        }
        boolean secret = false;
        for (Map.Entry<String, Long> canary : canaryLines.entrySet()) {
            if (line.contains(canary.getKey())) {
                canary.setValue(canary.getValue() + 1);
                secret = true;
            }
        }
        return secret;
    }
}
