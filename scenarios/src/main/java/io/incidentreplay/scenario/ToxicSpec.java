package io.incidentreplay.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Toxiproxy toxic as an incident declares it, in incident time: its wire type, which stream it
 * acts on, its toxicity, and its attributes. Time attributes ({@code latency}, {@code jitter},
 * {@code timeout}, {@code delay}) are scaled by the replay's time scale; {@code timeout = 0} stays 0
 * (stall forever).
 */
public record ToxicSpec(String type, String stream, float toxicity, Map<String, Long> attributes) {

    private static final Set<String> TYPES =
            Set.of("latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data");
    private static final Set<String> TIME_ATTRIBUTES = Set.of("latency", "jitter", "timeout", "delay");

    public ToxicSpec {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown toxic type '" + type + "'; Toxiproxy's types are " + TYPES);
        }
        if (!stream.equals("downstream") && !stream.equals("upstream")) {
            throw new IllegalArgumentException("toxic stream must be 'downstream' or 'upstream', but was '" + stream + "'");
        }
        if (toxicity < 0 || toxicity > 1) {
            throw new IllegalArgumentException("toxicity must be between 0 and 1, but was " + toxicity);
        }
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes)); // sorted: the same fault reads the same every run
    }

    /** Every byte from the dependency is held back {@code latencyMillis} (Toxiproxy {@code latency}). */
    public static ToxicSpec latency(long latencyMillis) {
        return new ToxicSpec("latency", "downstream", 1f, Map.of("latency", latencyMillis, "jitter", 0L));
    }

    /** Data stops flowing; the connection is closed after {@code timeoutMillis}, or never when 0. */
    public static ToxicSpec timeout(long timeoutMillis) {
        return new ToxicSpec("timeout", "downstream", 1f, Map.of("timeout", timeoutMillis));
    }

    /**
     * The dependency sends at most {@code kilobytesPerSecond} on each connection (Toxiproxy
     * {@code bandwidth}); a rate, never scaled.
     */
    public static ToxicSpec bandwidth(long kilobytesPerSecond) {
        return new ToxicSpec("bandwidth", "downstream", 1f, Map.of("rate", kilobytesPerSecond));
    }

    /** The attributes with every time value multiplied by the time scale. */
    public Map<String, Long> scaledAttributes(TimeScale scale) {
        Map<String, Long> scaled = new LinkedHashMap<>();
        attributes.forEach((key, value) ->
                scaled.put(key, TIME_ATTRIBUTES.contains(key) ? scale.applyMillis(value) : value));
        return scaled;
    }
}
