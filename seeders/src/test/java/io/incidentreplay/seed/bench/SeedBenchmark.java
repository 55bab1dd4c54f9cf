package io.incidentreplay.seed.bench;

import io.incidentreplay.seed.DatasetSpec;
import io.incidentreplay.seed.ProgressListener;
import io.incidentreplay.seed.SeedSummary;
import io.incidentreplay.seed.Seeder;
import io.incidentreplay.seed.TemplateCache;
import io.incidentreplay.seed.testsupport.TunedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Seeds {@code ci} and {@code production} into empty databases and clones the {@code production}
 * template, next to {@code pgbench -i -s 10} (1M rows in pgbench_accounts) on the same embedded
 * server in the same run. Prints markdown rows for {@code docs/benchmarks.md}.
 *
 * <pre>
 * mvn -q -pl seeders test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.incidentreplay.seed.bench.SeedBenchmark
 * </pre>
 */
public final class SeedBenchmark {

    private static final long PGBENCH_ROWS = 1_000_000;

    public static void main(String[] args) throws Exception {
        try (TunedPostgres postgres = TunedPostgres.start()) {
            out("PostgreSQL 16 embedded (zonky), " + TunedPostgres.SETTINGS);
            double pgbenchSeconds = pgbench(postgres);
            double pgbenchRate = PGBENCH_ROWS / pgbenchSeconds;
            out(String.format(Locale.ROOT, "| pgbench -i -s 10 (reference) | %,d | %.2f s | %,.0f | 1.00 |",
                    PGBENCH_ROWS, pgbenchSeconds, pgbenchRate));
            seed(postgres, "bench_ci_cold", DatasetSpec.preset("ci"), "ci, first seed in the JVM", pgbenchRate);
            seed(postgres, "bench_production", DatasetSpec.preset("production"), "production", pgbenchRate);
            seed(postgres, "bench_ci_warm", DatasetSpec.preset("ci"), "ci, warm JVM", pgbenchRate);
            clone(postgres);
        }
    }

    private static double pgbench(TunedPostgres postgres) throws Exception {
        postgres.freshDatabase("bench_pgbench");
        List<String> command = List.of("/usr/bin/pgbench", "-i", "-s", "10", "-q", "-h", "localhost",
                "-p", Integer.toString(postgres.port()), "-U", "postgres", "bench_pgbench");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("pgbench failed: " + output);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void seed(TunedPostgres postgres, String database, DatasetSpec spec, String label, double reference)
            throws Exception {
        SeedSummary summary = Seeder.seed(postgres.freshDatabase(database), spec, new ProgressListener() {
            @Override
            public void tableLoaded(String table, long rows, Duration took) {
                System.err.printf(Locale.ROOT, "  %-18s %,10d rows %6d ms%n", table, rows, took.toMillis());
            }

            @Override
            public void stepFinished(String step, Duration took) {
                System.err.printf(Locale.ROOT, "  %-18s %17d ms%n", step, took.toMillis());
            }
        });
        double seconds = summary.took().toNanos() / 1e9;
        out(String.format(Locale.ROOT, "| seed %s | %,d | %.2f s | %,.0f | %.2f |",
                label, summary.totalRows(), seconds, summary.rowsPerSecond(), summary.rowsPerSecond() / reference));
    }

    private static void clone(TunedPostgres postgres) {
        TemplateCache cache = new TemplateCache(postgres.jdbcUrl("postgres"), "postgres", null);
        DatasetSpec production = DatasetSpec.preset("production");
        long start = System.nanoTime();
        cache.templateFor(production);
        out(String.format(Locale.ROOT, "| build production template (seed + rename) | | %.2f s | | |",
                (System.nanoTime() - start) / 1e9));
        for (String name : List.of("bench_clone_1", "bench_clone_2")) {
            start = System.nanoTime();
            cache.cloneFor(production, name);
            out(String.format(Locale.ROOT, "| clone production template -> %s | | %.2f s | | |",
                    name, (System.nanoTime() - start) / 1e9));
        }
    }

    private static void out(String line) {
        System.out.println(line);
    }
}
