package io.incidentreplay.seed.internal;

import io.incidentreplay.seed.Fanout;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code pets}: type by weight ({@link ValuePools#PET_TYPE_PERCENT}), a breed of that type (one in
 * ten unknown), a photo URL in the S3 layout of the incident-era build for {@link Fanout#PHOTO_SHARE}
 * of pets, and exactly {@link io.incidentreplay.seed.DatasetSpec#deletedPets()} soft-deleted pets
 * (selection sampling), whose {@code updated_at} equals {@code deleted_at} as Sequelize's paranoid
 * mode leaves it.
 */
final class PetsTable implements TableGenerator {

    private static final byte[] PHOTO_PREFIX =
            "https://petforce-user-uploads.s3.amazonaws.com/pets/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PHOTO_SUFFIX = "/photo.jpg".getBytes(StandardCharsets.US_ASCII);
    private static final long EPOCH = Fanout.EPOCH.getEpochSecond();

    @Override
    public String table() {
        return "pets";
    }

    @Override
    public String columns() {
        return "id, household_id, name, type, breed, photo_url, created_at, updated_at, deleted_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        ValuePools pools = plan.pools;
        SplittableRandom random = plan.stream(table());
        long[] left = {plan.shape.pets(), plan.spec.deletedPets()};
        plan.forEachPet((household, petId, created) -> {
            int type = weightedType(random.nextInt(100));
            boolean deleted = random.nextLong(left[0]--) < left[1];
            if (deleted) {
                left[1]--;
            }
            long updated = created + random.nextLong(EPOCH - created + 1);
            out.number(petId);
            out.number(plan.shape.householdId(household));
            out.text(pools.petNames[plan.petNameIndex(petId)]);
            out.text(pools.petTypes[type]);
            if (random.nextInt(10) == 0) {
                out.nul();
            } else {
                out.text(pools.breeds[type][random.nextInt(pools.breeds[type].length)]);
            }
            if (random.nextDouble() < Fanout.PHOTO_SHARE) {
                out.open(PHOTO_PREFIX.length + 20 + PHOTO_SUFFIX.length)
                        .append(PHOTO_PREFIX).appendNumber(petId).append(PHOTO_SUFFIX);
            } else {
                out.nul();
            }
            out.timestamp(created);
            out.timestamp(updated);
            if (deleted) {
                out.timestamp(updated);
            } else {
                out.nul();
            }
            out.endRow();
        });
    }

    private static int weightedType(int percent) {
        int bound = 0;
        for (int i = 0; i < ValuePools.PET_TYPE_PERCENT.length; i++) {
            bound += ValuePools.PET_TYPE_PERCENT[i];
            if (percent < bound) {
                return i;
            }
        }
        return 0;
    }
}
