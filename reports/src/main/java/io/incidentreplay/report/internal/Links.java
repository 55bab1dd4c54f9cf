package io.incidentreplay.report.internal;

import io.incidentreplay.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** Relative links between the pages, so a whole output directory can be zipped and shared. */
public final class Links {

    private Links() {}

    /**
     * The replay's {@code report.html} as a link relative to {@code fromDirectory}; the report is
     * rendered first when it does not exist yet, so the link never dangles.
     */
    public static String replayReport(Path resultJson, Path fromDirectory) {
        Path report = resultJson.toAbsolutePath().resolveSibling(HtmlReport.FILE_NAME);
        if (!Files.isRegularFile(report)) {
            HtmlReport.write(resultJson);
        }
        return relative(fromDirectory, report);
    }

    /** {@code target} relative to {@code fromDirectory}, with forward slashes as a URL wants. */
    public static String relative(Path fromDirectory, Path target) {
        return fromDirectory.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize())
                .toString().replace('\\', '/');
    }
}
