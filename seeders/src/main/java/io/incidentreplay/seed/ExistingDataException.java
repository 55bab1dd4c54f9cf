package io.incidentreplay.seed;

/** The target database already holds PetForce tables; seeding refuses rather than mixing datasets. */
public final class ExistingDataException extends SeedException {
    public ExistingDataException(String message) {
        super(message);
    }
}
