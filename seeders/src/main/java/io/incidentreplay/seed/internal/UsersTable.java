package io.incidentreplay.seed.internal;

import io.incidentreplay.seed.Fanout;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code users}: owners and extra members, household by household. Email is
 * {@code first.last<id>@domain} (unique by the id). Exactly {@link DatasetPlan#activeUsers()} users
 * are active, picked by selection sampling so the count is exact and the pick streams.
 */
final class UsersTable implements TableGenerator {

    private static final byte[] DOT = {'.'};
    private static final byte[] AT = {'@'};
    private static final byte[] SPACE = " ".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String table() {
        return "users";
    }

    @Override
    public String columns() {
        return "id, email, name, zip_code, active, created_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        ValuePools pools = plan.pools;
        SplittableRandom random = plan.stream(table());
        long usersLeft = plan.shape.users();
        long activeLeft = plan.activeUsers();
        for (int h = 0; h < plan.shape.households; h++) {
            long owner = plan.shape.ownerId(h);
            int ownerLast = plan.lastNameIndex(owner);
            byte[] zip = pools.zipCodes[plan.zipIndex(h)];
            for (int k = 0; k < plan.shape.memberCount(h); k++) {
                long id = owner + k;
                boolean sharesSurname = k == 0 || random.nextDouble() < Fanout.SHARED_SURNAME_SHARE;
                int last = sharesSurname ? ownerLast : plan.lastNameIndex(id);
                int first = random.nextInt(pools.firstNames.length);
                byte[] domain = pools.emailDomains[random.nextInt(pools.emailDomains.length)];
                boolean active = random.nextLong(usersLeft) < activeLeft;
                usersLeft--;
                if (active) {
                    activeLeft--;
                }
                out.number(id);
                out.open(pools.firstNamesForEmail[first].length + pools.lastNamesForEmail[last].length
                                + domain.length + 24)
                        .append(pools.firstNamesForEmail[first]).append(DOT)
                        .append(pools.lastNamesForEmail[last]).appendNumber(id)
                        .append(AT).append(domain);
                out.concat(pools.firstNames[first], SPACE, pools.lastNames[last]);
                out.text(zip);
                out.bool(active);
                out.timestamp(plan.userCreated(id));
                out.endRow();
            }
        }
    }
}
