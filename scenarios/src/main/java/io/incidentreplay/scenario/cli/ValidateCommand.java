package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.internal.file.IncidentFile;
import io.incidentreplay.scenario.internal.file.IncidentFileException;
import io.incidentreplay.scenario.internal.file.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./replay validate FILE...}: checks incident files without running anything, and lists
 * every problem with its line, its field and what is allowed. Exit 0 when every file is valid, 3
 * otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check incident files without running them; every problem with its line and field.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "incident files (YAML)")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file");
                invalid++;
                continue;
            }
            if (file.getFileName().toString().startsWith("_")) {
                out.println(file + ": a base that other incident files extend, checked with each of them");
                continue;
            }
            try {
                Incident incident = IncidentFile.load(file).incident();
                out.printf("%s: valid — incident %s, %d phases, %d requests, %d faults, %d steady-state checks, "
                        + "%d signature and %d budget expectations%n", file, incident.id(), incident.load().phases().size(),
                        incident.load().mix().size(), incident.faults().size(), incident.steadyState().size(),
                        incident.signature().size(), incident.budgets().size());
            } catch (IncidentFileException e) {
                invalid++;
                err.println(file + ": " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s"));
                e.problems().stream().map(Problem::toString).forEach(p -> err.println("  " + p));
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? 0 : ReplayCli.USAGE_ERROR;
    }
}
