package io.incidentreplay.seed.internal;

import java.util.SplittableRandom;

/** {@code households}: named after the owner's surname ("The Smith Family", "Smith Household"). */
final class HouseholdsTable implements TableGenerator {

    @Override
    public String table() {
        return "households";
    }

    @Override
    public String columns() {
        return "id, name, owner_id, created_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        ValuePools pools = plan.pools;
        SplittableRandom random = plan.stream(table());
        for (int h = 0; h < plan.shape.households; h++) {
            long owner = plan.shape.ownerId(h);
            byte[][] pattern = pools.householdPatterns[random.nextInt(pools.householdPatterns.length)];
            out.number(plan.shape.householdId(h));
            out.concat(pattern[0], pools.lastNames[plan.lastNameIndex(owner)], pattern[1]);
            out.number(owner);
            out.timestamp(plan.householdCreated(h));
            out.endRow();
        }
    }
}
