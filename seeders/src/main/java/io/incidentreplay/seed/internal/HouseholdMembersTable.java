package io.incidentreplay.seed.internal;

import java.nio.charset.StandardCharsets;

/** {@code household_members}: the owner with role {@code owner}, then any extra member as {@code member}. */
final class HouseholdMembersTable implements TableGenerator {

    private static final byte[] OWNER = "owner".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MEMBER = "member".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String table() {
        return "household_members";
    }

    @Override
    public String columns() {
        return "household_id, user_id, role";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        for (int h = 0; h < plan.shape.households; h++) {
            long owner = plan.shape.ownerId(h);
            for (int k = 0; k < plan.shape.memberCount(h); k++) {
                out.number(plan.shape.householdId(h));
                out.number(owner + k);
                out.text(k == 0 ? OWNER : MEMBER);
                out.endRow();
            }
        }
    }
}
