package io.incidentreplay.scenario;

import java.time.Duration;

/**
 * A named stretch of the load profile at an open-model arrival rate, constant or ramping linearly
 * from {@code requestsPerSecond} to {@code toRequestsPerSecond}, in incident time (the time scale
 * shortens the duration, never the rate).
 */
public record Phase(String name, Duration duration, double requestsPerSecond, double toRequestsPerSecond) {

    /** A phase at a constant rate. */
    public Phase(String name, Duration duration, double requestsPerSecond) {
        this(name, duration, requestsPerSecond, requestsPerSecond);
    }

    public Phase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name such as 'steady' or 'fault'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("phase '" + name + "' must last longer than 0, but was " + duration);
        }
        if (requestsPerSecond < 0 || toRequestsPerSecond < 0) {
            throw new IllegalArgumentException("phase '" + name + "' needs rates >= 0 req/s, but had " + requestsPerSecond
                    + (isRamp() ? " to " + toRequestsPerSecond : ""));
        }
    }

    /** A phase whose rate goes linearly from {@code from} to {@code to} req/s. */
    public static Phase ramp(String name, Duration duration, double from, double to) {
        return new Phase(name, duration, from, to);
    }

    public boolean isRamp() {
        return toRequestsPerSecond != requestsPerSecond;
    }

    /** The highest rate the phase reaches. */
    public double peakRequestsPerSecond() {
        return Math.max(requestsPerSecond, toRequestsPerSecond);
    }

    /**
     * The same phase in real time at this time scale, rates unchanged, lasting whole seconds (at least
     * one): Gatling's open injection sends a step's users per whole second and drops a fraction, so a
     * 0.9 s phase would send nothing while its window was judged as if it had.
     */
    public Phase at(TimeScale scale) {
        long seconds = Math.max(1, Math.round(scale.apply(duration).toMillis() / 1000.0));
        return new Phase(name, Duration.ofSeconds(seconds), requestsPerSecond, toRequestsPerSecond);
    }
}
