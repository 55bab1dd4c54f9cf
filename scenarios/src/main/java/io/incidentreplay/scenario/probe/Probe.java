package io.incidentreplay.scenario.probe;

import io.incidentreplay.scenario.measure.Timeline;

/**
 * Something sampled into the timeline once per sampling round: pool gauges from each instance's
 * {@code /metrics}, {@code pg_stat_activity}, target health at the load balancer. A probe must
 * return within the round (use short timeouts) and never throw: a reading it cannot take is simply
 * missing from the timeline.
 */
public interface Probe {

    /** Takes this round's readings, all stamped {@code atMillis}. */
    void sample(long atMillis, Timeline timeline);
}
