package io.incidentreplay.petforce.after.bench;

import static org.awaitility.Awaitility.await;

import io.incidentreplay.petforce.core.ApiClient;
import io.incidentreplay.petforce.core.ChildProcess;
import io.incidentreplay.petforce.core.PetForceTestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-instance start-up time (process start → first 200 from /metrics, the launcher's readiness
 * probe) and heap after start (jvm_memory_used_bytes, area heap) for both jars, each run against a
 * fresh clone of the migrated test dataset (cloned before the clock starts). Two settings per build,
 * both with the JVM options replays use: without a class archive (an instance's first launch), and
 * with the AppCDS archive the launcher records on that first launch and maps on every later one.
 * Run from /work/main after 'package':
 * mvn -q -o -pl target-app/after test-compile exec:java -Dexec.classpathScope=test
 *     -Dexec.mainClass=io.incidentreplay.petforce.after.bench.StartupBench
 */
public final class StartupBench {

    private static final int RUNS = 5;
    /** The JVM options of every replay instance (scenarios' PetForce.JVM_ARGS). */
    private static final List<String> REPLAY_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("user.dir"));
        Path base = root.resolve("target-app").toFile().isDirectory() ? root.resolve("target-app") : root.getParent();
        Path archives = Files.createTempDirectory("startup-bench-cds");
        try (PetForceTestDatabase postgres = PetForceTestDatabase.start()) {
            for (String build : new String[] {"before", "after"}) {
                Path jar = base.resolve(build).resolve("target").resolve("petforce-" + build + ".jar");
                Path archive = archives.resolve(build + ".jsa");
                startOnce(postgres, jar, with(REPLAY_JVM, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off"));
                measure(build + ", replay JVM options, no class archive", postgres, jar, REPLAY_JVM);
                measure(build + ", replay JVM options + class archive", postgres, jar,
                        with(REPLAY_JVM, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"));
            }
        }
    }

    private static void measure(String what, PetForceTestDatabase postgres, Path jar, List<String> jvm) throws Exception {
        long totalMs = 0;
        long maxMs = 0;
        double heapMb = 0;
        for (int i = 0; i < RUNS; i++) {
            Timed run = startOnce(postgres, jar, jvm);
            totalMs += run.millis();
            maxMs = Math.max(maxMs, run.millis());
            heapMb += run.heapMb();
        }
        System.out.printf("%s: ready in mean %d ms, max %d ms over %d runs; heap used after start %.1f MiB (mean)%n",
                what, totalMs / RUNS, maxMs, RUNS, heapMb / RUNS);
    }

    private record Timed(long millis, double heapMb) {}

    private static Timed startOnce(PetForceTestDatabase postgres, Path jar, List<String> jvm) throws Exception {
        String dbUrl = postgres.freshDatabaseUrl();
        long t0 = System.nanoTime();
        try (ChildProcess app = ChildProcess.start(jar, jvm, Map.of("PORT", "0", "DB_URL", dbUrl, "DB_POOL_MIN_IDLE", "0"))) {
            await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(60)).until(() -> app.port() > 0);
            ApiClient api = new ApiClient(app.port());
            HttpResponse<String> metrics;
            do {
                metrics = api.get("/metrics", null, Duration.ofSeconds(10)); // the after build answers 503 until migrated
            } while (metrics.statusCode() != 200);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            app.terminate();
            app.process().waitFor();
            return new Timed(ms, heapUsed(metrics.body()) / 1_048_576.0);
        }
    }

    private static List<String> with(List<String> jvm, String... more) {
        List<String> all = new ArrayList<>(jvm);
        all.addAll(List.of(more));
        return all;
    }

    private static double heapUsed(String metrics) {
        return metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
