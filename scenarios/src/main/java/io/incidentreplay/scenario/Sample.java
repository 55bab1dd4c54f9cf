package io.incidentreplay.scenario;

/**
 * One probe reading: {@code series} (e.g. {@code pool.pending}) from {@code source} (e.g. instance
 * {@code i1}, {@code lb}, {@code db}) at {@code atMillis}. Every reading of one sampling round shares
 * the round's timestamp, so readings of several sources add up exactly.
 */
public record Sample(long atMillis, String series, String source, double value) {}
