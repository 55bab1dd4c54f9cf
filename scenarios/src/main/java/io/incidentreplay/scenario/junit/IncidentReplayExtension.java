package io.incidentreplay.scenario.junit;

import io.incidentreplay.fixtures.environment.EnvironmentConfig;
import io.incidentreplay.fixtures.environment.ReplayEnvironment;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test method a {@link Replayer} and owns the replay environment behind it. The environment
 * lives in the JUnit store of the test class (or of the whole run, {@link IncidentReplayTest#shared()}),
 * starts on the first replay, and is closed by JUnit when that store closes — after a failed test too.
 * Use it through {@link IncidentReplayTest}.
 */
public final class IncidentReplayExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(IncidentReplayExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Replayer.class;
    }

    @Override
    public Replayer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        IncidentReplayTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), IncidentReplayTest.class)
                .orElseThrow(() -> new ParameterResolutionException("a Replayer parameter needs @IncidentReplayTest on "
                        + context.getRequiredTestClass().getName()));
        Path output = Path.of(settings.output()).toAbsolutePath().normalize();
        ExtensionContext owner = settings.shared() ? context.getRoot() : classContext(context);
        LazyEnvironment environment = owner.getStore(NAMESPACE).getOrComputeIfAbsent(LazyEnvironment.class,
                k -> new LazyEnvironment(output.resolve("environment")), LazyEnvironment.class);
        Path directory = output.resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getTestMethod().map(m -> m.getName()).orElse("all"));
        return new Replayer(environment, directory);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** The environment of one store: started by the first replay that asks for it, closed with the store. */
    static final class LazyEnvironment implements Supplier<ReplayEnvironment>, AutoCloseable {

        private final Path runDirectory;
        private ReplayEnvironment environment;

        LazyEnvironment(Path runDirectory) {
            this.runDirectory = runDirectory;
        }

        @Override
        public synchronized ReplayEnvironment get() {
            if (environment == null) {
                ReplayEnvironment started = new ReplayEnvironment(EnvironmentConfig.custom().embedded().runDirectory(runDirectory).build());
                try {
                    started.start();
                } catch (RuntimeException e) {
                    started.close();
                    throw new IllegalStateException("the replay environment (embedded PostgreSQL and fault proxy) did not start: "
                            + e.getMessage(), e);
                }
                environment = started;
            }
            return environment;
        }

        @Override
        public synchronized void close() {
            if (environment != null) {
                environment.close();
                environment = null;
            }
        }
    }
}
