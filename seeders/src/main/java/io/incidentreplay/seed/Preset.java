package io.incidentreplay.seed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named datasets. Each fixes a pet count and the share of pets that are soft-deleted; the
 * other tables follow from {@link Fanout}.
 */
public enum Preset {
    /** The seed's MVP: 20 test pets, none deleted (the MVP never deleted anything). */
    MVP(20, 0.0),
    /** Big enough to show an unindexed or unpaginated query, small enough for every CI run. */
    CI(25_000, 0.05),
    /** WS1's volume: 247,892 pets in production, rounded to the seed's 250k; about 5% soft-deleted. */
    PRODUCTION(250_000, 0.05);

    private final int pets;
    private final double deletedPetShare;

    Preset(int pets, double deletedPetShare) {
        this.pets = pets;
        this.deletedPetShare = deletedPetShare;
    }

    /** The lower-case name used on the command line and in template names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int pets() {
        return pets;
    }

    /** Share of pets with {@code deleted_at} set; applied to any pet count given with this preset. */
    public double deletedPetShare() {
        return deletedPetShare;
    }

    /** Looks a preset up by its {@link #id()}; the error lists every preset. */
    public static Preset byId(String id) {
        for (Preset preset : values()) {
            if (preset.id().equals(id)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; choose one of: " + describeAll());
    }

    /** "mvp (20 pets), ci (25000 pets), production (250000 pets)". */
    public static String describeAll() {
        return Arrays.stream(values())
                .map(p -> p.id() + " (" + p.pets + " pets)")
                .collect(Collectors.joining(", "));
    }
}
