package io.incidentreplay.scenario;

import io.incidentreplay.scenario.ReplayResult.BuildInfo;
import io.incidentreplay.scenario.ReplayResult.DatasetInfo;
import io.incidentreplay.scenario.ReplayResult.IncidentInfo;
import io.incidentreplay.scenario.internal.measure.Observations;
import java.nio.file.Path;
import java.util.List;

/** Replays made from observations written by hand, for tests of what reads a finished replay. */
public final class Replays {

    private Replays() {}

    public static Replay of(Verdict verdict, List<String> reasons, Observations observations, Path directory) {
        ReplayResult result = new ReplayResult(new IncidentInfo("slow-payments", "t", "seed", "story"), "candidate",
                new BuildInfo("orders-fixed.jar", "/x/orders-fixed.jar"), new DatasetInfo("orders.sql", 0, 0), 1,
                "embedded PostgreSQL", 0, 20_000, verdict, reasons, List.of(), List.copyOf(observations.phases().values()),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), new ReplayResult.Resources(20_000, 10, 20),
                new ReplayResult.ControlInfo("window", "the steady phase", null, true, List.of(), null, null),
                new ReplayResult.MachineInfo(2, true, 90, 80, List.of()), List.of(), null, null);
        return new Replay(result, directory, observations, null);
    }
}
