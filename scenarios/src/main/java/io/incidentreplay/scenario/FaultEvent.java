package io.incidentreplay.scenario;

/**
 * A step of the fault timeline as it really happened: a toxic applied or removed, a signal sent.
 *
 * @param atMillis epoch milliseconds
 * @param fault e.g. {@code latency 4,728 ms on weather-api (downstream)}
 * @param action {@code applied}, {@code removed}, {@code sent}, {@code failed: <why>}, or
 *     {@code withheld: <why>} when the steady state did not hold before it
 */
public record FaultEvent(long atMillis, String fault, String action) {}
