package io.incidentreplay.scenario.internal.probe;

import io.incidentreplay.scenario.internal.measure.Timeline;

/**
 * Something sampled into the timeline once per sampling round: pool gauges from each instance's
 * {@code /metrics}, {@code pg_stat_activity}, target health at the load balancer. A probe must
 * return within the round and never throw: a reading it cannot take is simply missing from the
 * timeline. A probe that calls the instances over HTTP starts its calls and returns; their
 * readings arrive stamped with the round's time, so that a stalled instance neither delays the
 * other probes nor shifts the rounds.
 */
public interface Probe {

    /** Takes this round's readings, all stamped {@code atMillis}. */
    void sample(long atMillis, Timeline timeline);
}
