package io.incidentreplay.seed.internal;

import io.incidentreplay.seed.Fanout;
import java.util.SplittableRandom;

/**
 * {@code tasks}: 0..4 per pet ("Walk Biscuit"), assigned to a member of the pet's household, due
 * within two weeks of creation. Tasks due before the epoch are completed with
 * {@link Fanout#COMPLETED_TASK_SHARE}; later ones are open.
 */
final class TasksTable implements TableGenerator {

    private static final long EPOCH = Fanout.EPOCH.getEpochSecond();
    private static final long TWO_WEEKS = 14 * 86_400;

    @Override
    public String table() {
        return "tasks";
    }

    @Override
    public String columns() {
        return "id, pet_id, assignee_id, title, due_at, completed, created_at";
    }

    @Override
    public void write(DatasetPlan plan, CopyRowWriter out) {
        ValuePools pools = plan.pools;
        SplittableRandom random = plan.stream(table());
        long[] nextId = {1};
        plan.forEachPet((household, petId, petCreated) -> {
            byte[] petName = pools.petNames[plan.petNameIndex(petId)];
            for (int t = plan.tasks(petId); t > 0; t--) {
                long created = petCreated + random.nextLong(EPOCH - petCreated + 1);
                long due = created + random.nextLong(TWO_WEEKS);
                out.number(nextId[0]++);
                out.number(petId);
                out.number(plan.shape.ownerId(household) + random.nextInt(plan.shape.memberCount(household)));
                out.concat(pools.taskActions[random.nextInt(pools.taskActions.length)], petName);
                out.timestamp(due);
                out.bool(due < EPOCH && random.nextDouble() < Fanout.COMPLETED_TASK_SHARE);
                out.timestamp(created);
                out.endRow();
            }
        });
    }
}
