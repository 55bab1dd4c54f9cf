package io.incidentreplay.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    /** Each type's attributes, as Toxiproxy names them (docs/toxiproxy-and-alb.md). */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "latency", Set.of("latency", "jitter"),
            "bandwidth", Set.of("rate"),
            "slow_close", Set.of("delay"),
            "timeout", Set.of("timeout"),
            "reset_peer", Set.of("timeout"),
            "slicer", Set.of("average_size", "size_variation", "delay"),
            "limit_data", Set.of("bytes"));

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

    /**
     * Why this toxic must not be sent to a Toxiproxy, or empty: an attribute its type does not have,
     * or a value out of range. Some of these crash Toxiproxy 2.12 itself, and with it every proxy the
     * server holds (on a shared staging, everyone's): a negative bandwidth {@code rate} panics as soon
     * as data flows, a slicer {@code average_size} of 0 or less recurses until the stack overflows.
     * The incident file refuses them when it is read, and the fault scheduler before it sends
     * anything, whichever fault plane it talks to.
     */
    public Optional<String> problem() {
        Set<String> known = ATTRIBUTES.get(type);
        for (Map.Entry<String, Long> a : attributes.entrySet()) {
            if (!known.contains(a.getKey())) {
                return Optional.of("a " + type + " toxic has no attribute '" + a.getKey() + "'; its attributes are " + new TreeSet<>(known));
            }
            if (a.getValue() < 0) {
                return Optional.of("a " + type + " toxic's " + a.getKey() + " must be 0 or more, not " + a.getValue()
                        + (type.equals("bandwidth") ? " (a negative rate panics a real Toxiproxy as soon as data flows, "
                                + "and takes every proxy on it down)" : ""));
            }
        }
        if (type.equals("slicer")) {
            long average = attributes.getOrDefault("average_size", 0L);
            if (average <= 0) {
                return Optional.of("a slicer toxic's average_size must be 1 byte or more, not " + average
                        + " (0 or less recurses until a real Toxiproxy's stack overflows, and takes every proxy on it down)");
            }
            if (attributes.getOrDefault("size_variation", 0L) >= average) {
                return Optional.of("a slicer toxic's size_variation must be under its average_size (" + average
                        + "), not " + attributes.get("size_variation") + ": Toxiproxy would cut out of range");
            }
        }
        return Optional.empty();
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
