package io.incidentreplay.seed.bench;

import io.incidentreplay.seed.DatasetSpec;
import io.incidentreplay.seed.Seeder;
import io.incidentreplay.seed.testsupport.TunedPostgres;

public class QuickSeed {
    public static void main(String[] args) throws Exception {
        try (TunedPostgres pg = TunedPostgres.start()) {
            for (String p : args) {
                var s = Seeder.seed(pg.freshDatabase("q_" + p), DatasetSpec.preset(p), new io.incidentreplay.seed.ProgressListener() {
                    public void tableLoaded(String t, long r, java.time.Duration d) { System.err.println(t + " " + r + " " + d.toMillis() + "ms"); }
                    public void stepFinished(String t, java.time.Duration d) { System.err.println(t + " " + d.toMillis() + "ms"); }
                });
                System.err.println(p + " " + s.totalRows() + " rows in " + s.took().toMillis() + " ms");
            }
        }
    }
}
