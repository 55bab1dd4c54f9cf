package io.incidentreplay.seed.internal;

import io.incidentreplay.seed.DatasetSpec;
import io.incidentreplay.seed.Fanout;
import java.util.SplittableRandom;

/**
 * Everything the table generators share for one {@link DatasetSpec}: the household shape, the value
 * pools and the id-derived draws that let one table recompute what another wrote (child counts,
 * creation times, an owner's surname, a pet's name). Built once per seed; immutable.
 */
public final class DatasetPlan {

    private static final long DAY = 86_400;
    private static final long EPOCH = Fanout.EPOCH.getEpochSecond();

    // One salt per id-derived draw, so draws of different things for the same id are independent.
    private static final long USER_CREATED = 1, LAST_NAME = 2, ZIP = 3, HOUSEHOLD_CREATED = 4, PET_NAME = 5,
            PET_CREATED = 6, RECORDS = 7, VISIT = 8, MEDICATIONS = 9, TASKS = 10, TOKEN_HIGH = 11,
            TOKEN_LOW = 12;

    final DatasetSpec spec;
    final long seed;
    final HouseholdShape shape;
    final ValuePools pools;

    public DatasetPlan(DatasetSpec spec) {
        this.spec = spec;
        this.seed = spec.seed();
        this.shape = HouseholdShape.of(seed, spec.pets());
        this.pools = new ValuePools(seed);
    }

    /** A fresh stream for one table's free values; the same table and seed always get the same stream. */
    SplittableRandom stream(String table) {
        return new SplittableRandom(Draw.mix(seed, table.hashCode(), 0));
    }

    int activeUsers() {
        return Math.min(Fanout.ACTIVE_USERS, shape.users());
    }

    long userCreated(long userId) {
        return EPOCH - Fanout.HISTORY_SECONDS + Draw.belowLong(seed, USER_CREATED, userId, Fanout.HISTORY_SECONDS);
    }

    int lastNameIndex(long userId) {
        return Draw.below(seed, LAST_NAME, userId, pools.lastNames.length);
    }

    /** Members of one household share a zip code. */
    int zipIndex(int household) {
        return Draw.below(seed, ZIP, household, pools.zipCodes.length);
    }

    /** Within 30 days after the owner signed up, never after the epoch. */
    long householdCreated(int household) {
        long owner = userCreated(shape.ownerId(household));
        return Math.min(EPOCH - 1, owner + Draw.belowLong(seed, HOUSEHOLD_CREATED, household, 30 * DAY));
    }

    long petCreated(long petId, long householdCreated) {
        return householdCreated + Draw.belowLong(seed, PET_CREATED, petId, EPOCH - householdCreated);
    }

    int petNameIndex(long petId) {
        return Draw.below(seed, PET_NAME, petId, pools.petNames.length);
    }

    int medicalRecords(long petId) {
        return Draw.below(seed, RECORDS, petId, Fanout.MAX_MEDICAL_RECORDS_PER_PET + 1);
    }

    long visitTime(long recordId, long petCreated) {
        return petCreated + Draw.belowLong(seed, VISIT, recordId, EPOCH - petCreated);
    }

    int medications(long recordId) {
        return Draw.below(seed, MEDICATIONS, recordId, Fanout.MAX_MEDICATIONS_PER_RECORD + 1);
    }

    int tasks(long petId) {
        return Draw.below(seed, TASKS, petId, Fanout.MAX_TASKS_PER_PET + 1);
    }

    /** Two independent halves of a user's 128-bit token; the high half is a bijection of the id, so unique. */
    long tokenHigh(long userId) {
        return Draw.mix(seed, TOKEN_HIGH, userId);
    }

    long tokenLow(long userId) {
        return Draw.mix(seed, TOKEN_LOW, userId);
    }

    /** Calls the visitor for every pet in id order with its household and creation time. */
    void forEachPet(PetVisitor visitor) {
        for (int h = 0; h < shape.households; h++) {
            long householdCreated = householdCreated(h);
            long first = shape.firstPetId(h);
            for (long petId = first; petId < first + shape.petCount(h); petId++) {
                visitor.visit(h, petId, petCreated(petId, householdCreated));
            }
        }
    }

    @FunctionalInterface
    interface PetVisitor {
        void visit(int household, long petId, long petCreated);
    }
}
