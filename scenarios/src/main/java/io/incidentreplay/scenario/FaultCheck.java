package io.incidentreplay.scenario;

/**
 * Whether a fault demonstrably took effect: a toxic that touched no traffic tested nothing, and a
 * replay built on it is INVALID.
 *
 * @param fault the fault, in words
 * @param verified true when the fault plane proved it touched traffic; false when it proved it did not
 * @param detail the evidence, e.g. {@code 1,204 chunks delayed on 37 connections}
 */
public record FaultCheck(String fault, boolean verified, String detail) {}
