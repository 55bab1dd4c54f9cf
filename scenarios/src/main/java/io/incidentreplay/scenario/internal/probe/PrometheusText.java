package io.incidentreplay.scenario.internal.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4) — just enough for gauges and
 * counters: {@code name{label="value",...} number}. Comments, histograms' structure and timestamps
 * are ignored. Observing through this standard interface keeps the harness usable on builds it did
 * not write.
 */
final class PrometheusText {

    /** One sample line. */
    record Line(String name, Map<String, String> labels, double value) {
        boolean hasLabel(String key, String value) {
            return value.equals(labels.get(key));
        }
    }

    private PrometheusText() {}

    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Line parsed = parseLine(line);
            if (parsed != null) {
                lines.add(parsed);
            }
        }
        return lines;
    }

    private static Line parseLine(String line) {
        int brace = line.indexOf('{');
        int space;
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0 && brace < line.indexOf(' ')) {
            int close = line.lastIndexOf('}');
            if (close < brace) {
                return null;
            }
            name = line.substring(0, brace);
            parseLabels(line.substring(brace + 1, close), labels);
            space = close + 1;
        } else {
            space = line.indexOf(' ');
            if (space < 0) {
                return null;
            }
            name = line.substring(0, space);
        }
        String[] rest = line.substring(space).trim().split("\\s+");
        try {
            return new Line(name, labels, Double.parseDouble(rest[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void parseLabels(String body, Map<String, String> labels) {
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0 || eq + 1 >= body.length() || body.charAt(eq + 1) != '"') {
                return;
            }
            String key = body.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < body.length() && body.charAt(j) != '"') {
                char c = body.charAt(j);
                if (c == '\\' && j + 1 < body.length()) {
                    char next = body.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = body.indexOf(',', j);
            if (i < 0) {
                return;
            }
            i++;
        }
    }
}
