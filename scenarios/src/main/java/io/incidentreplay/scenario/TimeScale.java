package io.incidentreplay.scenario;

import java.time.Duration;

/**
 * One factor applied to every timer of a replay — toxic latencies, health-check interval and
 * timeout, breaker windows, the build's own timeouts, phase lengths — so CI can replay a 47-second
 * stall in 4.7 seconds ({@code k = 0.1}). Work the database really does is never scaled.
 */
public record TimeScale(double factor) {

    public static final TimeScale REAL_TIME = new TimeScale(1.0);
    static final double MIN = 0.01;
    static final double MAX = 10.0;

    public TimeScale {
        if (!(factor >= MIN && factor <= MAX)) {
            throw new IllegalArgumentException("time scale must be between " + MIN + " and " + MAX
                    + " (1 = real time, 0.1 = ten times faster), but was " + factor);
        }
    }

    /** Parses a user's {@code --time-scale} value. */
    public static TimeScale parse(String text) {
        try {
            return new TimeScale(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time scale must be a number such as 1 or 0.1, but was '" + text + "'");
        }
    }

    public Duration apply(Duration incidentTime) {
        return Duration.ofNanos(Math.round(incidentTime.toNanos() * factor));
    }

    public long applyMillis(long incidentMillis) {
        return Math.round(incidentMillis * factor);
    }

    public boolean isRealTime() {
        return factor == 1.0;
    }

    @Override
    public String toString() {
        return isRealTime() ? "1 (real time)" : factor + " (" + formatSpeedup() + "× faster)";
    }

    private String formatSpeedup() {
        double speedup = 1 / factor;
        return speedup == Math.rint(speedup) ? Long.toString((long) speedup) : String.format("%.2f", speedup);
    }
}
