package io.incidentreplay.scenario.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where a run's log lines go while it lasts: into {@code replay.log} in its output directory, and
 * on the console only with {@code --verbose}. While a replay runs its console is for progress; the
 * launcher's, the load balancer's and Gatling's lines are for when something needs explaining.
 * Closing it puts the logging back as it was (for a run inside a longer-lived JVM, e.g. a test).
 */
final class RunLog implements AutoCloseable {

    static final String FILE_NAME = "replay.log";
    /** The console appender of logback.xml. */
    private static final String CONSOLE = "STDERR";

    private final Logger root;
    private final FileAppender<ILoggingEvent> file;
    private final Appender<ILoggingEvent> console;

    private RunLog(Logger root, FileAppender<ILoggingEvent> file, Appender<ILoggingEvent> console) {
        this.root = root;
        this.file = file;
        this.console = console;
    }

    static RunLog open(Path output, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("run-file");
        file.setFile(output.resolve(FILE_NAME).toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        Appender<ILoggingEvent> console = verbose ? null : root.getAppender(CONSOLE);
        if (console != null) {
            root.detachAppender(console);
        }
        return new RunLog(root, file, console);
    }

    Path file() {
        return Path.of(file.getFile());
    }

    @Override
    public void close() {
        if (console != null) {
            root.addAppender(console);
        }
        root.detachAppender(file);
        file.stop();
    }
}
