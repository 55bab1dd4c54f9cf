package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.internal.file.IncidentCatalog;
import io.incidentreplay.scenario.internal.file.IncidentFile.LoadedIncident;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./replay list}: every replayable incident with its story's source. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the incidents that can be replayed.")
final class ListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Incident incident : IncidentCatalog.in(ReplayHome.incidents()).all().stream()
                .map(LoadedIncident::incident).toList()) {
            out.printf("%-18s %s%n%-18s dataset %s, time scale %s, source %s%n", incident.id(), incident.title(), "",
                    incident.dataset().describe(), incident.defaultTimeScale().factor(), incident.seedReference());
        }
        out.flush();
    }
}
