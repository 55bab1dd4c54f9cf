package io.incidentreplay.scenario;

import io.incidentreplay.scenario.internal.measure.Observations;

/**
 * Something the replay does to the system on its timeline: a toxic on a dependency proxy for the
 * length of a phase, the proxy down altogether, or an action on one instance of the build — or, when the data is the fault
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

    /** A signal to one instance at the start of a phase: SIGTERM lets it drain, SIGKILL does not. */
    record Signal(int instance, Kind kind, String phase) implements Fault {
        public enum Kind { SIGTERM, SIGKILL }
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
