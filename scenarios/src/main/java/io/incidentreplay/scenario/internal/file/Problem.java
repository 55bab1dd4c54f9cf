package io.incidentreplay.scenario.internal.file;

import java.nio.file.Path;

/**
 * One mistake in an incident file: where, which field, and what is wrong and allowed, e.g.
 * {@code incidents/x.yaml:41:9: budgets[2].in: names phase 'faul', which the load does not have; phases are …}.
 */
public record Problem(Path file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
