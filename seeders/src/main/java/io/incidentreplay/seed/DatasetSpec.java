package io.incidentreplay.seed;

/**
 * What to load: a {@link Preset}, the number of pets and the random seed. The same spec always gives
 * byte-identical tables; another seed gives different values with the same shape rules.
 *
 * <p>Immutable.
 * <pre>{@code
 * DatasetSpec spec = DatasetSpec.preset("production").withSeed(7);
 * }</pre>
 *
 * @param preset which preset the soft-delete share and the name come from
 * @param pets   how many pets to load, at least 1
 * @param seed   the random seed; print it wherever the dataset is reported
 */
public record DatasetSpec(Preset preset, int pets, long seed) {

    /** The seed every preset uses unless told otherwise. */
    public static final long DEFAULT_SEED = 42;

    /** Upper bound on pets, so ids and counts stay well inside {@code int}. */
    public static final int MAX_PETS = 50_000_000;

    public DatasetSpec {
        if (preset == null) {
            throw new IllegalArgumentException("preset must be given; choose one of: " + Preset.describeAll());
        }
        if (pets < 1 || pets > MAX_PETS) {
            throw new IllegalArgumentException(
                    "pets must be between 1 and " + MAX_PETS + ", but was " + pets);
        }
    }

    /** The named preset with its own pet count and {@link #DEFAULT_SEED}; unknown names list the presets. */
    public static DatasetSpec preset(String name) {
        Preset preset = Preset.byId(name);
        return new DatasetSpec(preset, preset.pets(), DEFAULT_SEED);
    }

    public DatasetSpec withSeed(long newSeed) {
        return new DatasetSpec(preset, pets, newSeed);
    }

    public DatasetSpec withPets(int newPets) {
        return new DatasetSpec(preset, newPets, seed);
    }

    /** Exactly how many pets get {@code deleted_at}: the preset's share of {@link #pets}, rounded. */
    public int deletedPets() {
        return (int) Math.round(pets * preset.deletedPetShare());
    }

    @Override
    public String toString() {
        return preset.id() + " (pets=" + pets + ", seed=" + seed + ")";
    }
}
