package io.incidentreplay.petforce.after;

import io.incidentreplay.petforce.after.AfterSettings.PageLimits;

/**
 * {@code ?page=&limit=} of the pet list, validated like the seed's query-complexity middleware
 * (S0 343–381): {@code limit} over the maximum is a 400 {@code INVALID_LIMIT}, never a silent clamp,
 * and the offset cap applies to the offset the page implies, which the seed forgot (incidents.md G4).
 */
record PageRequest(int page, int limit) {

    /** A request the caller must fix; {@code code} is INVALID_LIMIT or INVALID_OFFSET. */
    static final class Invalid extends Exception {
        final String code;

        Invalid(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    long offset() {
        return (long) (page - 1) * limit;
    }

    static PageRequest parse(String pageParam, String limitParam, PageLimits limits) throws Invalid {
        int limit = limits.defaultLimit();
        if (limitParam != null) {
            limit = integer(limitParam, "INVALID_LIMIT",
                    "limit must be an integer from 1 to " + limits.maxLimit() + ", but was '" + limitParam + "'");
            if (limit < 1) {
                throw new Invalid("INVALID_LIMIT", "limit must be at least 1, but was " + limit);
            }
            if (limit > limits.maxLimit()) {
                throw new Invalid("INVALID_LIMIT", "Maximum limit is " + limits.maxLimit() + ", but was " + limit
                        + ". Ask for the next page with ?page= instead.");
            }
        }
        int page = 1;
        if (pageParam != null) {
            page = integer(pageParam, "INVALID_OFFSET", "page must be an integer of at least 1, but was '" + pageParam + "'");
            if (page < 1) {
                throw new Invalid("INVALID_OFFSET", "page must be at least 1, but was " + page);
            }
        }
        PageRequest request = new PageRequest(page, limit);
        if (request.offset() > limits.maxOffset()) {
            throw new Invalid("INVALID_OFFSET", "Offset pagination is limited to " + limits.maxOffset()
                    + " records: page " + page + " with limit " + limit + " starts at record " + request.offset() + ".");
        }
        return request;
    }

    private static int integer(String raw, String code, String message) throws Invalid {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new Invalid(code, message);
        }
    }
}
