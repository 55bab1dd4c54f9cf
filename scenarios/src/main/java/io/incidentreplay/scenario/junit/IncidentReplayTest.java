package io.incidentreplay.scenario.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests replay incidents, as {@code @Testcontainers} marks one whose tests
 * use containers. Each test method may declare a {@link Replayer} parameter; the replay environment
 * (PostgreSQL, the fault proxy, the dependencies' stubs) starts when the first replay needs it and
 * stops after the class, or after the whole test run when {@link #shared()}.
 *
 * <pre>{@code
 * @IncidentReplayTest
 * class SlowPaymentsIT {
 *     @Test
 *     void theFixedBuildPasses(Replayer replayer) {
 *         Replay replay = replayer.replay(Path.of("incident.yaml"), Role.CANDIDATE);
 *         assertThat(replay).passed()
 *                 .inPhase("fault").request("products").p99().isAtMost(Duration.ofMillis(250));
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(IncidentReplayExtension.class)
public @interface IncidentReplayTest {

    /**
     * One environment for every annotated class of the test run instead of one per class: faster when
     * several classes replay (PostgreSQL and the seeded templates start once), at the price of classes
     * that share a database server.
     */
    boolean shared() default false;

    /**
     * Where the results and reports go, relative to the working directory (Maven: the module):
     * {@code <output>/<test class>/<test method>/<incident>/<role>/report.html}.
     */
    String output() default "target/incident-replay";
}
