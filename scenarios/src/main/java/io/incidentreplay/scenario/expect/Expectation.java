package io.incidentreplay.scenario.expect;

import io.incidentreplay.scenario.measure.Observations;

/**
 * Something a replay must show: part of an incident's signature (what the baseline must show to
 * count as reproduced) or of its budgets (what the candidate must meet to pass). Build them with
 * {@link Expect}.
 */
public interface Expectation {

    /** What is expected, in words, e.g. {@code fault p99 of dashboard <= 600 ms}. */
    String description();

    Finding evaluate(Observations observations);
}
