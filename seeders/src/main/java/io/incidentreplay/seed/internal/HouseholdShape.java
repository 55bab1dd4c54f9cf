package io.incidentreplay.seed.internal;

import io.incidentreplay.seed.Fanout;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which pets and users belong to which household: two prefix arrays (about 8 bytes per household),
 * the only state kept across tables. Households are numbered from 0 here; their ids are index + 1.
 * Pets and users get consecutive ids household by household, so a household's pets and members are
 * id ranges.
 *
 * <p>Immutable.
 */
final class HouseholdShape {

    private static final long SALT = 0x5A4EL;

    /** {@code firstPet[h]} pets come before household h; {@code firstPet[households]} is the total. */
    private final int[] firstPet;
    private final int[] firstUser;
    final int households;

    private HouseholdShape(int[] firstPet, int[] firstUser, int households) {
        this.firstPet = firstPet;
        this.firstUser = firstUser;
        this.households = households;
    }

    /** Draws 1..4 pets and 1 or 2 members per household until {@code pets} pets are placed. */
    static HouseholdShape of(long seed, int pets) {
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        int capacity = pets / Fanout.MIN_PETS_PER_HOUSEHOLD + 1;
        int[] firstPet = new int[capacity + 1];
        int[] firstUser = new int[capacity + 1];
        int h = 0;
        while (firstPet[h] < pets) {
            int drawn = random.nextInt(Fanout.MIN_PETS_PER_HOUSEHOLD, Fanout.MAX_PETS_PER_HOUSEHOLD + 1);
            int members = random.nextDouble() < Fanout.EXTRA_MEMBER_SHARE ? 2 : 1;
            firstPet[h + 1] = firstPet[h] + Math.min(drawn, pets - firstPet[h]);
            firstUser[h + 1] = firstUser[h] + members;
            h++;
        }
        return new HouseholdShape(Arrays.copyOf(firstPet, h + 1), Arrays.copyOf(firstUser, h + 1), h);
    }

    int users() {
        return firstUser[households];
    }

    int pets() {
        return firstPet[households];
    }

    long householdId(int h) {
        return h + 1L;
    }

    long firstPetId(int h) {
        return firstPet[h] + 1L;
    }

    int petCount(int h) {
        return firstPet[h + 1] - firstPet[h];
    }

    /** The owner is the household's first user. */
    long ownerId(int h) {
        return firstUser[h] + 1L;
    }

    int memberCount(int h) {
        return firstUser[h + 1] - firstUser[h];
    }
}
