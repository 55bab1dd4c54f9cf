package io.incidentreplay.scenario;

import io.incidentreplay.scenario.internal.measure.Observations;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Something the replay does to the system on its timeline: a toxic on a dependency proxy for the
 * length of a phase, the proxy down altogether, or instances of the build replaced one by one — or, when the data is the fault
 * (an endpoint built for 20 rows meets 250,000), a volume of data the replay's database must hold.
 */
public sealed interface Fault {

    /** The phase during which (or at whose start) the fault applies. */
    String phase();

    /**
     * A toxic on the named proxy ({@code postgres}, {@code payments}) for the whole phase, or for
     * the whole load when the phase is {@link Observations#RUN}.
     */
    record Toxic(String proxy, String name, ToxicSpec toxic, String phase) implements Fault {}

    /**
     * The named proxy is down for the whole phase, as Toxiproxy's disable makes it: every connection
     * through it is closed and new ones are refused (a database failing over, a host that went away);
     * it comes back at the phase's end. A connection the harness tries through it proves each step.
     */
    record Outage(String proxy, String phase) implements Fault {}

    /**
     * Instances replaced one after another from the start of a phase, as a rolling deploy or a spot
     * interruption replaces them: each is deregistered at the load balancer, sent SIGTERM (and SIGKILL
     * if it has not exited after {@code killAfter}, in incident time), started again on its port,
     * registered, and waited for until healthy. Every step is proven; one that did not happen makes
     * the replay INVALID. An orchestrator watching the build sees each new process as a new task: it
     * is probed only after the liveness probe's initial delay.
     *
     * @param instances the instances' indexes, in order; empty for every instance of the build
     * @param successor what takes each stopped instance's place
     */
    record Replace(List<Integer> instances, Duration killAfter, String phase, Successor successor) implements Fault {
        /** A rolling deploy's replacement: each one healthy before the next. */
        public Replace(List<Integer> instances, Duration killAfter, String phase) {
            this(instances, killAfter, phase, Successor.HEALTHY);
        }

        public Replace {
            instances = List.copyOf(instances);
            if (killAfter.isNegative()) {
                throw new IllegalArgumentException("killAfter must be >= 0, but was " + killAfter);
            }
        }

        /** What a replacement of instance {@code index} is called in the fault checks and on the console. */
        public String describe(int index) {
            return (successor == Successor.NONE ? "scale-in of instance " : "replacement of instance ") + index;
        }

        /** The indexes replaced in a build of {@code count} instances. */
        public List<Integer> of(int count) {
            return instances.isEmpty() ? IntStream.range(0, count).boxed().toList() : instances;
        }
    }

    /** What takes the place of an instance a {@link Replace} stopped. */
    enum Successor {
        /** The same command again on its port, registered, and waited for until healthy, before the next instance: a rolling deploy. */
        HEALTHY,
        /**
         * The same command again, registered, not waited for, as an auto scaling group launches an
         * instance: whether it ever turns healthy is for the incident to judge (A9's grace-period
         * trap, whose new instance never does), and the next one follows at once.
         */
        STARTED,
        /** Nothing: a scale-in. The instance stays stopped; the load balancer and any orchestrator forget it. */
        NONE
    }

    /**
     * Data volume as the fault, for the whole run: the replay's database must hold at least
     * {@code atLeast} rows by {@code countQuery}, or the replay tested nothing and is INVALID.
     *
     * @param what the volume in words, e.g. {@code live orders}
     * @param countQuery SQL returning one number
     */
    record DataVolume(String what, String countQuery, long atLeast) implements Fault {
        @Override
        public String phase() {
            return Observations.RUN;
        }
    }

    static Toxic toxic(String proxy, ToxicSpec toxic, String phase) {
        return new Toxic(proxy, proxy + "-" + toxic.type(), toxic, phase);
    }

    static DataVolume dataVolume(String what, String countQuery, long atLeast) {
        return new DataVolume(what, countQuery, atLeast);
    }
}
