package io.incidentreplay.report;

/**
 * A report could not be written: a result file is missing, unreadable or not in a supported format,
 * or the output directory cannot be written. The message names the file and what was wrong.
 */
public final class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
