package io.incidentreplay.seed;

import java.time.Instant;

/**
 * The dataset's shape rules. The seeds give no counts beyond pets and active users
 * (incidents.md D), so these numbers are ours; {@code seeders/README.md} repeats them.
 * Counts are drawn uniformly between the bounds, so each mean is the midpoint.
 */
public final class Fanout {

    /** Pets per household, uniform 1..4: mean 2.5, so 250k pets make about 100k households. */
    public static final int MIN_PETS_PER_HOUSEHOLD = 1;
    public static final int MAX_PETS_PER_HOUSEHOLD = 4;

    /** Share of households with one member besides the owner: 1.2 members per household. */
    public static final double EXTRA_MEMBER_SHARE = 0.2;

    /** Medical records per pet, uniform 0..4: mean 2. */
    public static final int MAX_MEDICAL_RECORDS_PER_PET = 4;

    /** Medications per medical record, uniform 0..2: mean 1. */
    public static final int MAX_MEDICATIONS_PER_RECORD = 2;

    /** Tasks per pet, uniform 0..4: mean 2. */
    public static final int MAX_TASKS_PER_PET = 4;

    /** Users with {@code active = true} (S0: 12,000 active users); all users when there are fewer. */
    public static final int ACTIVE_USERS = 12_000;

    /** Share of pets with a photo URL. */
    public static final double PHOTO_SHARE = 0.7;

    /** Share of tasks already completed. */
    public static final double COMPLETED_TASK_SHARE = 0.5;

    /** Share of extra members who carry the owner's surname. */
    public static final double SHARED_SURNAME_SHARE = 0.7;

    /** Every timestamp lies before this instant (WS1's month); nothing reads the clock. */
    public static final Instant EPOCH = Instant.parse("2025-08-01T00:00:00Z");

    /** How far back users' {@code created_at} go from {@link #EPOCH}. */
    public static final long HISTORY_SECONDS = 3L * 365 * 24 * 3600;

    private Fanout() {}
}
