package io.incidentreplay.seed.cli;

import io.incidentreplay.seed.DatabaseUnreachableException;
import io.incidentreplay.seed.DatasetSpec;
import io.incidentreplay.seed.ExistingDataException;
import io.incidentreplay.seed.PostgresTarget;
import io.incidentreplay.seed.ProgressListener;
import io.incidentreplay.seed.SeedSummary;
import io.incidentreplay.seed.Seeder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./replay seed --preset production --seed 42 --jdbc-url ...}: loads a dataset into a
 * PostgreSQL database, reporting each table (rows, rows/s) on stderr and the counts at the end.
 *
 * <p>Bad input ends with one sentence on stderr and exit code {@link #USAGE_ERROR}: an unknown
 * preset lists the presets (as a picocli parameter error), an unreachable database names host, port
 * and database (never the password), a database that already holds PetForce tables is refused
 * unless {@code --replace} is given.
 */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = SeedCommand.USAGE_ERROR,
        description = "Load a deterministic PetForce dataset (COPY, then keys and indexes, then ANALYZE).")
public final class SeedCommand implements Callable<Integer> {

    /** Same value as the replay CLI's usage error: bad input, nothing was loaded. */
    public static final int USAGE_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", defaultValue = "ci",
            description = "mvp (20 pets), ci (25,000) or production (250,000) (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--pets", description = "number of pets instead of the preset's")
    Integer pets;

    @Option(names = "--jdbc-url", required = true,
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/petforce")
    String jdbcUrl;

    @Option(names = "--db-user", description = DatabaseLogin.USER_HELP)
    String dbUser;

    @Option(names = "--db-password", description = DatabaseLogin.PASSWORD_HELP)
    String dbPassword;

    @Option(names = "--replace", description = "drop existing PetForce tables first instead of refusing")
    boolean replace;

    @Override
    public Integer call() {
        DatasetSpec dataset = dataset();
        PGSimpleDataSource dataSource = dataSource();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("seed: %s into %s%n", dataset, PostgresTarget.parse(jdbcUrl).describe());
        try {
            SeedSummary summary = replace
                    ? Seeder.replace(dataSource, dataset, progress(err))
                    : Seeder.seed(dataSource, dataset, progress(err));
            printSummary(err, summary);
            return 0;
        } catch (DatabaseUnreachableException | ExistingDataException e) {
            err.println("seed: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    private DatasetSpec dataset() {
        try {
            DatasetSpec dataset = DatasetSpec.preset(preset).withSeed(seed);
            return pets == null ? dataset : dataset.withPets(pets);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private PGSimpleDataSource dataSource() {
        DatabaseLogin login;
        try {
            PostgresTarget.parse(jdbcUrl);
            login = DatabaseLogin.of(jdbcUrl, dbUser, dbPassword);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jdbc-url: " + e.getMessage());
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(login.jdbcUrl());
        dataSource.setUser(login.user());
        if (!login.password().isEmpty()) {
            dataSource.setPassword(login.password());
        }
        return dataSource;
    }

    private static ProgressListener progress(PrintWriter err) {
        return new ProgressListener() {
            @Override
            public void tableLoaded(String table, long rows, Duration took) {
                err.printf(Locale.ROOT, "  %-18s %,10d rows  %6d ms  %,12.0f rows/s%n",
                        table, rows, took.toMillis(), rows / Math.max(took.toNanos() / 1e9, 1e-9));
            }

            @Override
            public void stepFinished(String step, Duration took) {
                err.printf(Locale.ROOT, "  %-18s %22d ms%n", step, took.toMillis());
            }
        };
    }

    private static void printSummary(PrintWriter err, SeedSummary summary) {
        err.printf(Locale.ROOT, "seed: loaded %,d rows in %.1f s (%,.0f rows/s), seed=%d%n",
                summary.totalRows(), summary.took().toMillis() / 1000.0, summary.rowsPerSecond(), summary.spec().seed());
        for (Map.Entry<String, Long> table : summary.rowsPerTable().entrySet()) {
            err.printf(Locale.ROOT, "  %-18s %,10d%n", table.getKey(), table.getValue());
        }
    }
}
