package io.incidentreplay.scenario.internal.file;

import java.util.List;

/** An incident file that cannot be replayed, with every problem found in it. */
public final class IncidentFileException extends RuntimeException {

    private final List<Problem> problems;

    public IncidentFileException(List<Problem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the incident file:\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
