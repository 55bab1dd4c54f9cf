package io.incidentreplay.seed.internal;

import java.nio.charset.StandardCharsets;

/**
 * {@code api_tokens}: one bearer token per user, {@code pft_} followed by 32 lower-case hex digits
 * derived from (seed, user id). Created on the day the user signed up.
 */
final class ApiTokensTable implements TableGenerator {

    /** Prefix of every seeded token; load profiles read tokens with SQL, never by format. */
    static final byte[] PREFIX = "pft_".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String table() {
        return "api_tokens";
    }

    @Override
    public String columns() {
        return "token, user_id, created_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        for (long userId = 1; userId <= plan.shape.users(); userId++) {
            out.open(PREFIX.length + 32).append(PREFIX)
                    .appendHex(plan.tokenHigh(userId)).appendHex(plan.tokenLow(userId));
            out.number(userId);
            out.timestamp(plan.userCreated(userId) + 60);
            out.endRow();
        }
    }
}
