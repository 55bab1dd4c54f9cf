package io.incidentreplay.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a replay reads in an S3 bucket after the load, for incidents whose fault is what the build
 * stores (WS2's upload bloat): every object version and its size, the bucket's lifecycle rules, and
 * whether the stored objects are the variants the fix promises.
 *
 * @param dependency the S3 dependency whose bucket is read, e.g. {@code uploads}
 * @param variants each variant's key suffix and its exact size, e.g. {@code large.jpg -> 1600x1600}
 * @param headers the headers every variant must be stored with, e.g. {@code Cache-Control}
 * @param metadata the user metadata keys every variant must carry (compared ignoring case, as S3 does)
 * @param lifecycle the lifecycle rules the bucket must have, in the phrases of {@link #LIFECYCLE_PHRASES}
 */
public record StorageWatch(String dependency, Map<String, Size> variants, Map<String, String> headers, List<String> metadata,
        List<String> lifecycle) {

    /** A variant's width and height in pixels. */
    public record Size(int width, int height) {
        /** {@code 150x150}. */
        public static Size parse(String text) {
            var m = Pattern.compile("(\\d{1,5})x(\\d{1,5})").matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("a variant's size is WIDTHxHEIGHT in pixels, e.g. 800x800, not '" + text + "'");
            }
            return new Size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /**
     * How a lifecycle rule's actions are written, the same way when the harness reads them off the
     * bucket: one phrase per action of an enabled rule, whatever the rule's id or filter.
     */
    public static final List<String> LIFECYCLE_PHRASES = List.of(
            "transition to <STORAGE_CLASS> after <n> days",
            "noncurrent versions to <STORAGE_CLASS> after <n> days",
            "noncurrent versions expire after <n> days",
            "objects expire after <n> days",
            "expired delete markers removed",
            "incomplete multipart uploads aborted after <n> days");

    private static final List<Pattern> PHRASES = List.of(
            Pattern.compile("transition to [A-Z_]+ after \\d+ days"),
            Pattern.compile("noncurrent versions to [A-Z_]+ after \\d+ days"),
            Pattern.compile("noncurrent versions expire after \\d+ days"),
            Pattern.compile("objects expire after \\d+ days"),
            Pattern.compile("expired delete markers removed"),
            Pattern.compile("incomplete multipart uploads aborted after \\d+ days"));

    public StorageWatch {
        Objects.requireNonNull(dependency, "dependency");
        // in the file's order: messages and the report list them as written
        variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        metadata = List.copyOf(metadata);
        lifecycle = List.copyOf(lifecycle);
        for (String rule : lifecycle) {
            if (PHRASES.stream().noneMatch(p -> p.matcher(rule).matches())) {
                throw new IllegalArgumentException("storage.lifecycle: '" + rule + "' is not a rule this harness reads; write one of: "
                        + String.join("; ", LIFECYCLE_PHRASES));
            }
        }
    }
}
