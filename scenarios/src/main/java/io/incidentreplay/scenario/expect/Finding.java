package io.incidentreplay.scenario.expect;

/**
 * The judgement of one expectation on one replay, with its reason in numbers, e.g.
 * {@code fault p99 of all requests 31,204 ms > budget 500 ms}.
 *
 * @param expectation what was expected, in words
 * @param met whether the replay showed it
 * @param measured the measured value in the expectation's unit (NaN when nothing was measured)
 * @param reason the sentence a report or CI log shows
 */
public record Finding(String expectation, boolean met, double measured, String reason) {}
