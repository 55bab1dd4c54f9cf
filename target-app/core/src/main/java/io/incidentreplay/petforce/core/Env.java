package io.incidentreplay.petforce.core;

import java.time.Duration;
import java.util.Map;

/**
 * The environment a build is configured from. Every tunable of both builds is an environment
 * variable; every timer's name ends in {@code _MS} so a replay can compress time by scaling all
 * {@code *_MS} variables with one factor. Bad values fail start-up with a message naming the
 * variable, the rejected value and what is accepted.
 */
public final class Env {

    private final Map<String, String> variables;

    private Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env of(Map<String, String> variables) {
        return new Env(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** A variable without a default; {@code hint} says what to set it to. */
    public String required(String name, String hint) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: " + hint);
        }
        return value.trim();
    }

    public String string(String name, String defaultValue) {
        String value = variables.get(name);
        return value == null ? defaultValue : value.trim();
    }

    /** An integer within {@code [min, max]}. */
    public int integer(String name, int defaultValue, int min, int max) {
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer from " + min + " to " + max
                    + ", but was '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", but was " + value);
        }
        return value;
    }

    public long longInteger(String name, long defaultValue, long min) {
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException(name + " must be an integer of at least " + min + ", but was '" + raw + "'");
    }

    /** {@code true} or {@code false} (any case); anything else is refused with the variable named. */
    public boolean flag(String name, boolean defaultValue) {
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, but was '" + raw + "'");
        };
    }

    /** A fraction within {@code [0, 1]}, e.g. a sampling rate. */
    public double fraction(String name, double defaultValue) {
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException(name + " must be a number from 0 to 1, but was '" + raw + "'");
    }

    /**
     * A timer in milliseconds. Decimal values are accepted (a scaled 1500 ms × 0.1 is 150.0) and
     * rounded to whole milliseconds, so a harness can scale without integer arithmetic.
     */
    public Duration millis(String name, long defaultMillis) {
        if (!name.endsWith("_MS")) {
            throw new IllegalStateException("timer variables end in _MS so the time scale reaches them: " + name);
        }
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return Duration.ofMillis(defaultMillis);
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (value >= 0 && !Double.isInfinite(value)) {
                return Duration.ofMillis(Math.round(value));
            }
        } catch (NumberFormatException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException(name + " must be a non-negative number of milliseconds, but was '" + raw + "'");
    }
}
