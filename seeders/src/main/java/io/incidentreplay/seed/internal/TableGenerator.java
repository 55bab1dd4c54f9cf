package io.incidentreplay.seed.internal;

import java.util.List;

/** Writes every row of one PetForce table, in id order, for a {@link DatasetPlan}. */
public interface TableGenerator {

    String table();

    /** The column list of the COPY, in the order {@link #write} emits values. */
    String columns();

    void write(DatasetPlan plan, CopyRowWriter out);

    /** Every table in load order (parents first, though no keys exist yet during the load). */
    static List<TableGenerator> all() {
        return List.of(new UsersTable(), new ApiTokensTable(), new HouseholdsTable(), new HouseholdMembersTable(),
                new PetsTable(), new MedicalRecordsTable(), new MedicationsTable(), new TasksTable());
    }
}
