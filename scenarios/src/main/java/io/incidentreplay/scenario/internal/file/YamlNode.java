package io.incidentreplay.scenario.internal.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One node of an incident file, with where it came from (file, line, column) and its field path
 * ({@code load.phases[2].duration}), so that every error names the line, the field and what is
 * allowed. Typed reads record a {@link Problem} and return empty instead of throwing, so that one
 * run of {@code ./replay validate} lists every mistake of a file.
 */
final class YamlNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private final Node node;
    private final Path file;
    private final String field;
    private final Problems problems;

    YamlNode(Node node, Path file, String field, Problems problems) {
        this.node = node;
        this.file = problems.originOf(node, file);
        this.field = field;
        this.problems = problems;
    }

    String field() {
        return field;
    }

    Path file() {
        return file;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Records a problem at this node. */
    void problem(String message) {
        problems.add(new Problem(file, line(), node.getStartMark().getColumn() + 1, field, message));
    }

    /** The keys of a mapping, in file order. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem("must be a mapping (key: value lines), but is " + kind());
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), new YamlNode(tuple.getValueNode(), file, child(key.getValue()), problems));
            }
        }
        return entries;
    }

    /** A key of this mapping; empty (and a problem) when missing. */
    Optional<YamlNode> required(String key, String what) {
        Optional<YamlNode> value = optional(key);
        if (value.isEmpty() && isMap()) {
            problems.add(new Problem(file, line(), node.getStartMark().getColumn() + 1, child(key),
                    "is missing: " + what));
        }
        return value;
    }

    Optional<YamlNode> optional(String key) {
        if (!(node instanceof MappingNode)) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries().get(key));
    }

    /** Refuses keys other than {@code allowed}, naming the ones that are. */
    void onlyKeys(String... allowed) {
        List<String> known = List.of(allowed);
        entries().forEach((key, value) -> {
            if (!known.contains(key)) {
                value.problem("is not a field here; allowed are " + String.join(", ", known));
            }
        });
    }

    List<YamlNode> items() {
        List<YamlNode> items = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            problem("must be a list (lines starting with '- '), but is " + kind());
            return items;
        }
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(values.get(i), file, field + "[" + i + "]", problems));
        }
        return items;
    }

    Optional<String> string() {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem("must be a single value, but is " + kind());
        return Optional.empty();
    }

    /** A string that must not be blank. */
    Optional<String> text() {
        Optional<String> value = string();
        if (value.isPresent() && value.get().isBlank()) {
            problem("must not be empty");
            return Optional.empty();
        }
        return value;
    }

    Optional<Double> number() {
        Optional<String> value = string();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value.get().trim()));
        } catch (NumberFormatException e) {
            problem("must be a number, but is '" + value.get() + "'");
            return Optional.empty();
        }
    }

    Optional<Integer> integer() {
        Optional<Double> value = number();
        if (value.isPresent() && value.get() != Math.rint(value.get())) {
            problem("must be a whole number, but is " + value.get());
            return Optional.empty();
        }
        return value.map(Double::intValue);
    }

    Optional<Boolean> bool() {
        Optional<String> value = string();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problem("must be true or false, but is '" + value.get() + "'");
            return Optional.empty();
        }
        return Optional.of(v.equals("true"));
    }

    /** A duration such as {@code 100s}, {@code 1.5s}, {@code 47283ms}, {@code 2m}, {@code 1h}. */
    Optional<Duration> duration() {
        Optional<String> value = string();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = parseDuration(value.get());
        if (parsed.isEmpty()) {
            problem("must be a duration such as 100s, 1.5s, 250ms or 2m, but is '" + value.get() + "'");
        }
        return parsed;
    }

    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Optional.of(Duration.ofNanos(Math.round(millis * 1_000_000)));
    }

    /** One of the allowed words. */
    Optional<String> oneOf(String... allowed) {
        Optional<String> value = string();
        if (value.isPresent() && !List.of(allowed).contains(value.get())) {
            problem("must be one of " + String.join(", ", allowed) + ", but is '" + value.get() + "'");
            return Optional.empty();
        }
        return value;
    }

    /** A mapping of strings to strings (environment variables, headers). */
    Map<String, String> stringMap() {
        Map<String, String> values = new LinkedHashMap<>();
        entries().forEach((key, value) -> value.string().ifPresent(v -> values.put(key, v)));
        return values;
    }

    List<String> stringList() {
        List<String> values = new ArrayList<>();
        items().forEach(item -> item.string().ifPresent(values::add));
        return values;
    }

    /** A path relative to the file this node is in. */
    Optional<Path> path() {
        return text().map(p -> file.toAbsolutePath().getParent().resolve(p).normalize());
    }

    private String child(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    Node raw() {
        return node;
    }
}
