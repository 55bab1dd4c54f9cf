package io.incidentreplay.scenario.incident;

/**
 * Something the replay does to the system on its timeline: a toxic on a dependency proxy for the
 * length of a phase, or an action on one instance of the build.
 */
public sealed interface Fault {

    /** The phase during which (or at whose start) the fault applies. */
    String phase();

    /** A toxic on the named proxy ({@code postgres}, {@code weather-api}) for the whole phase. */
    record Toxic(String proxy, String name, ToxicSpec toxic, String phase) implements Fault {}

    /** A signal to one instance at the start of a phase: SIGTERM lets it drain, SIGKILL does not. */
    record Signal(int instance, Kind kind, String phase) implements Fault {
        public enum Kind { SIGTERM, SIGKILL }
    }

    static Toxic toxic(String proxy, ToxicSpec toxic, String phase) {
        return new Toxic(proxy, proxy + "-" + toxic.type(), toxic, phase);
    }
}
