package io.incidentreplay.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Escaping and number formatting for the pages. Every string that came from a result file reaches
 * the HTML through {@link #text(String)} or {@link #json(Object)}; nothing is concatenated raw.
 */
public final class Html {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {}

    /** Escapes text for element content and quoted attribute values. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text, or a dash when there is none, so an empty cell reads as "nothing" rather than a gap. */
    public static String textOrDash(String value) {
        return value == null || value.isBlank() ? "&mdash;" : text(value);
    }

    /**
     * Serialises a value as JSON safe to embed in a {@code <script>} element: {@code <}, {@code >} and
     * {@code &} become unicode escapes, so no string can close the element ({@code </script>}) or open a
     * comment, and the line separators JavaScript rejects are escaped too.
     */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be serialised: " + e.getMessage(), e);
        }
    }

    /** A link target only when it is a relative path; anything with a scheme ({@code javascript:}) is refused. */
    public static boolean isRelativeLink(String target) {
        return target != null && !target.isBlank() && !target.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*") && !target.startsWith("//");
    }

    public static String date(long epochMillis) {
        return epochMillis <= 0 ? "&mdash;" : DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Whole numbers with thousands separators, others with one decimal; NaN as a dash. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "&mdash;";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.US, "%,d", (long) value);
        }
        return String.format(Locale.US, "%,.1f", value);
    }

    /** Seconds relative to the load start, e.g. {@code 12.5 s}. */
    public static String seconds(long millis) {
        return String.format(Locale.US, "%.1f s", millis / 1000.0);
    }

    /** A verdict badge whose colour says whether the role got the verdict it should. */
    public static String verdictBadge(String verdict, boolean asExpected) {
        String tone = asExpected ? "good" : "INCOMPLETE".equals(verdict) || "INVALID".equals(verdict) ? "warn" : "bad";
        return "<span class=\"verdict " + tone + "\">" + text(verdict) + "</span>";
    }
}
