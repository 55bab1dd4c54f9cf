package io.incidentreplay.seed.internal;

import java.util.SplittableRandom;

/** {@code medical_records}: 0..4 per pet, visits between the pet's creation and the epoch. */
final class MedicalRecordsTable implements TableGenerator {

    @Override
    public String table() {
        return "medical_records";
    }

    @Override
    public String columns() {
        return "id, pet_id, record_type, description, visit_date, created_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        ValuePools pools = plan.pools;
        SplittableRandom random = plan.stream(table());
        long[] nextId = {1};
        plan.forEachPet((household, petId, petCreated) -> {
            for (int r = plan.medicalRecords(petId); r > 0; r--) {
                long id = nextId[0]++;
                long visit = plan.visitTime(id, petCreated);
                out.number(id);
                out.number(petId);
                out.text(pools.recordTypes[random.nextInt(pools.recordTypes.length)]);
                if (random.nextInt(4) == 0) {
                    out.nul();
                } else {
                    out.text(pools.visitNotes[random.nextInt(pools.visitNotes.length)]);
                }
                out.date(Math.floorDiv(visit, 86_400));
                out.timestamp(visit);
                out.endRow();
            }
        });
    }
}
