package io.incidentreplay.petforce.after.bench;

import static org.awaitility.Awaitility.await;

import io.incidentreplay.petforce.core.ApiClient;
import io.incidentreplay.petforce.core.ChildProcess;
import io.incidentreplay.petforce.core.PetForceTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Per-instance start-up time (process start → first 200 from /metrics) and heap after start
 * (jvm_memory_used_bytes, area heap) for both jars, each against a fresh clone of the test dataset.
 * Run from /work/main after 'package':
 * mvn -q -o -pl target-app/after test-compile exec:java -Dexec.classpathScope=test
 *     -Dexec.mainClass=io.incidentreplay.petforce.after.bench.StartupBench
 */
public final class StartupBench {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("user.dir"));
        Path base = root.resolve("target-app").toFile().isDirectory() ? root.resolve("target-app") : root.getParent();
        try (PetForceTestDatabase postgres = PetForceTestDatabase.start()) {
            for (String build : new String[] {"before", "after"}) {
                Path jar = base.resolve(build).resolve("target").resolve("petforce-" + build + ".jar");
                long totalMs = 0;
                long maxMs = 0;
                double heapMb = 0;
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    try (ChildProcess app = ChildProcess.start(jar, Map.of("PORT", "0", "DB_URL", postgres.freshDatabaseUrl(),
                            "DB_POOL_MIN_IDLE", "0"))) {
                        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(60)).until(() -> app.port() > 0);
                        ApiClient api = new ApiClient(app.port());
                        String metrics = api.get("/metrics", null, Duration.ofSeconds(10)).body();
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        totalMs += ms;
                        maxMs = Math.max(maxMs, ms);
                        heapMb += heapUsed(metrics) / 1_048_576.0;
                        app.terminate();
                        app.process().waitFor();
                    }
                }
                System.out.printf("%s: ready in mean %d ms, max %d ms over %d runs; heap used after start %.1f MiB (mean)%n",
                        build, totalMs / RUNS, maxMs, RUNS, heapMb / RUNS);
            }
        }
    }

    private static double heapUsed(String metrics) {
        return metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
