package io.incidentreplay.seed.internal;

import java.util.SplittableRandom;

/** {@code medications}: 0..2 per medical record, prescribed at the visit; one in ten without a dosage. */
final class MedicationsTable implements TableGenerator {

    @Override
    public String table() {
        return "medications";
    }

    @Override
    public String columns() {
        return "id, medical_record_id, name, dosage, created_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        ValuePools pools = plan.pools;
        SplittableRandom random = plan.stream(table());
        long[] nextRecordId = {1};
        long[] nextId = {1};
        plan.forEachPet((household, petId, petCreated) -> {
            for (int r = plan.medicalRecords(petId); r > 0; r--) {
                long recordId = nextRecordId[0]++;
                long visit = plan.visitTime(recordId, petCreated);
                for (int m = plan.medications(recordId); m > 0; m--) {
                    out.number(nextId[0]++);
                    out.number(recordId);
                    out.text(pools.drugNames[random.nextInt(pools.drugNames.length)]);
                    if (random.nextInt(10) == 0) {
                        out.nul();
                    } else {
                        out.text(pools.dosages[random.nextInt(pools.dosages.length)]);
                    }
                    out.timestamp(visit);
                    out.endRow();
                }
            }
        });
    }
}
