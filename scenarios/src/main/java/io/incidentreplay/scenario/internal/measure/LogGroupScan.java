package io.incidentreplay.scenario.internal.measure;

import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudWatch Logs groups the builds put, read once after the load, per CloudWatch Logs
 * dependency (the groups under its prefix). Where the environment has no CloudWatch Logs, there is
 * nothing to read, and {@link #notCheckable()} says why: a measure on it is then not checkable,
 * which is neither met nor failed.
 *
 * @param groups per dependency read, its log groups in name order
 * @param notCheckable why nothing could be read here, or null
 */
public record LogGroupScan(Map<String, List<LogGroups.Group>> groups, String notCheckable) {

    /** An incident without a CloudWatch Logs dependency. */
    public static final LogGroupScan NONE = new LogGroupScan(Map.of(), null);

    public LogGroupScan {
        Map<String, List<LogGroups.Group>> copy = new LinkedHashMap<>();
        groups.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    /** Where the environment has no CloudWatch Logs. */
    public static LogGroupScan notCheckable(String why) {
        return new LogGroupScan(Map.of(), why);
    }
}
