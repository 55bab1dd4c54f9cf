package io.incidentreplay.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text before a report shows it: {@code Authorization} header values,
 * {@code Bearer} tokens, passwords in URL user-info ({@code jdbc:postgresql://user:pass@host}) and
 * {@code password=}/{@code token=}/{@code secret=}-style parameters. Reports are shared in
 * post-mortems, so every string read from a result goes through {@link #redact(String)}.
 * <p>
 * Stateless and thread-safe. It errs towards masking too much: a masked harmless value costs a
 * reader little, a leaked password costs a rotation.
 * <pre>{@code
 * Redactor.redact("jdbc:postgresql://app:s3cret@db/orders?password=s3cret")
 *     // -> "jdbc:postgresql://app:[REDACTED]@db/orders?password=[REDACTED]"
 * }</pre>
 */
public final class Redactor {

    /** What replaces every secret. */
    public static final String MASK = "[REDACTED]";

    private record Rule(Pattern pattern, String replacement) {}

    // Order matters: the Authorization header swallows its scheme ("Bearer x") before the Bearer rule sees it.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)(\"?(?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,;}]+"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)\\b(bearer)(\\s+)(?!\\[REDACTED])[A-Za-z0-9._~+/=-]{6,}"), "$1$2" + MASK),
            new Rule(Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*:(?:[a-z0-9+.-]+:)*//[^\\s:/@]+:)[^\\s@/]+(@)"), "$1" + MASK + "$2"),
            new Rule(Pattern.compile("(?i)(\"?\\b[\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key)\"?\\s*[=:]\\s*\"?)"
                    + "(?!\\[REDACTED])[^\\s&;,\"'}]+"), "$1" + MASK));

    private Redactor() {}

    /**
     * Returns {@code text} with every secret replaced by {@value #MASK}.
     *
     * @param text any text, possibly null
     * @return the masked text; null for null
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(result);
            result = m.replaceAll(rule.replacement());
        }
        return result;
    }
}
