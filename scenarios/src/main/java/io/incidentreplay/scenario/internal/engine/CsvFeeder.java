package io.incidentreplay.scenario.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV feeder (RFC 4180: a header line naming the fields, commas, double quotes around a
 * value that holds one, {@code ""} for a quote) into the load's records.
 */
final class CsvFeeder {

    private CsvFeeder() {}

    static List<Map<String, Object>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReplayException("cannot read the CSV feeder " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new ReplayException("the CSV feeder " + file + " is empty: its first line must name the fields");
        }
        List<String> fields = parse(lines.get(0));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> values = parse(lines.get(n));
            if (values.size() != fields.size()) {
                throw new ReplayException("the CSV feeder " + file + " line " + (n + 1) + " has " + values.size()
                        + " values, but its header names " + fields.size() + " fields " + fields);
            }
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                record.put(fields.get(i), values.get(i));
            }
            records.add(record);
        }
        return records;
    }

    static List<String> parse(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
    }
}
