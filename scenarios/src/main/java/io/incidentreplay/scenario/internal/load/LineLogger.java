package io.incidentreplay.scenario.internal.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * An output stream that logs each line written to it: what Gatling prints on standard output while
 * it drives a replay (its start, its report generation) belongs in the run's log, not among the
 * harness's progress lines.
 */
final class LineLogger extends OutputStream {

    private final Logger logger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LineLogger(Logger logger) {
        this.logger = logger;
    }

    static PrintStream to(Logger logger) {
        return new PrintStream(new LineLogger(logger), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void close() {
        flushLine();
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!text.isBlank()) {
            logger.info(text);
        }
    }
}
