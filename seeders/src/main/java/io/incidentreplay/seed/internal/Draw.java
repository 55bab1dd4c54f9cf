package io.incidentreplay.seed.internal;

/**
 * Id-derived random draws: a value that depends only on (seed, what is drawn, row id). Used for
 * everything a second table must recompute (an owner's surname in {@code households}, a pet's name
 * in {@code tasks}, child counts), so no table has to be kept in memory to build another.
 * Values no other table needs come from a per-table {@code SplittableRandom} instead.
 */
final class Draw {

    private Draw() {}

    /** SplitMix64's finaliser over the three inputs: a bijection of the mixed input, well spread. */
    static long mix(long seed, long salt, long id) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL + id;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)}. */
    static int below(long seed, long salt, long id, int bound) {
        return (int) ((mix(seed, salt, id) >>> 1) % bound);
    }

    /** Uniform in {@code [0, bound)} for long bounds (seconds). */
    static long belowLong(long seed, long salt, long id, long bound) {
        return bound <= 0 ? 0 : (mix(seed, salt, id) >>> 1) % bound;
    }
}
