package io.incidentreplay.scenario;

/**
 * The evidence that the fault, and nothing else, caused the signature: a window or a replay in
 * which everything is as in the fault window except the fault. The steady-state hypothesis must
 * hold there, and no part of the signature may (Netflix ChAP's control group; Chaos Toolkit's
 * steady-state hypothesis before the method).
 */
public sealed interface Control {

    /** The phase in which the steady-state hypothesis and the signature are judged. */
    String phase();

    /** In words, for the report: which control was used. */
    String describe();

    /**
     * The phase just before the first fault, in the same replay. Its steady-state hypothesis is
     * checked live at its end: if it does not hold, the fault is not applied and the replay is
     * INVALID.
     */
    record Window(String phase) implements Control {
        @Override
        public String describe() {
            return "the " + phase + " phase just before the fault, in the same replay";
        }
    }

    /**
     * For an incident whose fault is there from the start (its data volume): a second replay of the
     * baseline with the same load, topology and toxics on a dataset without that volume. It costs a
     * replay, so the gate runs it, and {@code ./replay run} only with {@code --control}.
     *
     * @param dataset the control's dataset preset, e.g. {@code mvp}
     */
    record Replay(String dataset, String phase) implements Control {
        @Override
        public String describe() {
            return "a control replay of the same load on the " + dataset + " dataset, without the data volume, judged over its "
                    + phase + " phase";
        }
    }

    /**
     * For an incident whose fault is the build's own behaviour under ordinary load (WS2's logging),
     * which no window or dataset of the same build is without: there is no control, and the report
     * says why. The steady-state hypothesis is judged after the load over {@code phase}; not holding,
     * the replay is INVALID. The evidence that the build caused the signature is the candidate under
     * the same load.
     *
     * @param reason why no control can exist, in a sentence, for the report
     */
    record None(String phase, String reason) implements Control {
        @Override
        public String describe() {
            return "no control: " + reason;
        }
    }

    static Control window(String phase) {
        return new Window(phase);
    }

    static Control replay(String dataset, String phase) {
        return new Replay(dataset, phase);
    }

    static Control none(String phase, String reason) {
        return new None(phase, reason);
    }
}
