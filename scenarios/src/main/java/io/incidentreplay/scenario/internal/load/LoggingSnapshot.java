package io.incidentreplay.scenario.internal.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The logging setup as it is now, to put back after Gatling. At the end of every run Gatling stops
 * logback's context ({@code LoggerContext.stop()} in {@code Gatling$.start}), and a stopped context is a
 * reset one: every logger at DEBUG and no appender. In a harness that runs on, that lost the rest of
 * replay.log and turned on the debug messages of every library, which Jetty builds whether or not
 * anything writes them: it doubled the load balancer's CPU per request (docs/benchmarks.md, issue 18).
 * <p>
 * Does nothing when slf4j is bound to something other than logback. Public for tests that run Gatling
 * bare, as its Maven plugin does in a JVM of its own.
 */
public final class LoggingSnapshot {

    private record LoggerState(Logger logger, Level level, boolean additive, List<Appender<ILoggingEvent>> appenders) {
    }

    private final List<LoggerState> loggers;

    private LoggingSnapshot(List<LoggerState> loggers) {
        this.loggers = loggers;
    }

    public static LoggingSnapshot take() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        List<LoggerState> states = new ArrayList<>();
        if (factory instanceof LoggerContext context) {
            for (Logger logger : context.getLoggerList()) {
                List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
                for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                    appenders.add(it.next());
                }
                states.add(new LoggerState(logger, logger.getLevel(), logger.isAdditive(), appenders));
            }
        }
        return new LoggingSnapshot(states);
    }

    /** Puts every logger's level, additivity and appenders back, and restarts the appenders that were stopped. */
    public void restore() {
        for (LoggerState state : loggers) {
            state.logger().setLevel(state.level());
            state.logger().setAdditive(state.additive());
            for (Appender<ILoggingEvent> appender : state.appenders()) {
                if (!appender.isStarted()) {
                    appender.start(); // a file appender reopens its file, appending
                }
                if (!state.logger().isAttached(appender)) {
                    state.logger().addAppender(appender);
                }
            }
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !context.isStarted()) {
            context.start();
        }
    }
}
