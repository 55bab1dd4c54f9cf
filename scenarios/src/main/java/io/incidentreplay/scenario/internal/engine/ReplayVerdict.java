package io.incidentreplay.scenario.internal.engine;

import io.incidentreplay.fixtures.environment.launch.BuildInstance;
import io.incidentreplay.scenario.ReplayResult.BuildInfo;
import io.incidentreplay.scenario.ReplayResult.ControlInfo;
import io.incidentreplay.scenario.ReplayResult.DatasetInfo;
import io.incidentreplay.scenario.ReplayResult.IncidentInfo;
import io.incidentreplay.scenario.ReplayResult.JudgedFinding;
import io.incidentreplay.scenario.ReplayResult.MachineInfo;
import io.incidentreplay.scenario.ReplayResult.MachineWindow;
import io.incidentreplay.scenario.Expect;
import io.incidentreplay.scenario.RequestStats;
import io.incidentreplay.scenario.RequestSpec;
import io.incidentreplay.scenario.Expectation;
import io.incidentreplay.scenario.Finding;
import io.incidentreplay.scenario.Control;
import io.incidentreplay.scenario.Fault;
import io.incidentreplay.scenario.Incident;
import io.incidentreplay.scenario.Incident.Role;
import io.incidentreplay.scenario.Phase;
import io.incidentreplay.fixtures.environment.cloudwatch.LogGroups;
import io.incidentreplay.scenario.internal.measure.LogGroupScan;
import io.incidentreplay.scenario.internal.measure.LogScan;
import io.incidentreplay.scenario.internal.measure.StorageScan;
import io.incidentreplay.scenario.internal.load.UploadFiles;
import io.incidentreplay.scenario.StorageWatch;
import io.incidentreplay.scenario.Dependency;
import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.Window;
import io.incidentreplay.scenario.internal.probe.MachineProbe;
import io.incidentreplay.seed.DatasetSource;
import io.incidentreplay.seed.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import io.incidentreplay.scenario.FaultCheck;
import io.incidentreplay.scenario.FaultEvent;
import io.incidentreplay.scenario.ReplayEngine;
import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;

/**
 * Judges what one {@link ReplayRun} observed and assembles its {@link ReplayResult}: the windows as
 * the faults really ran, every expectation, the steady state in the control and after the
 * recovery, the signature in the control, the machine in each judged window, and what makes the
 * numbers untrustworthy (INVALID) — before any verdict about the build.
 */
final class ReplayVerdict {

    /** Above this share of a replay's CPU the harness is noted as heavy (the report shows it in bold at the same bound). */
    static final int HARNESS_WARNING_PERCENT = 40;

    private final ReplayRun run;
    private final Incident incident;
    private Observations observations;

    ReplayVerdict(ReplayRun run) {
        this.run = run;
        this.incident = run.incident;
    }

    /** What {@link #result()} judged: every request, the timeline, the windows as run. */
    Observations observations() {
        return observations;
    }

    /** The builds' logs joined with the requests, when the incident watches them; read once, after the load. */
    private LogScan logScan() {
        Deployment deployment = run.deployment;
        if (incident.logs().isEmpty() || deployment == null) {
            return LogScan.NONE;
        }
        List<Path> files = deployment.instances().stream().flatMap(i -> i.launched().stream())
                .map(BuildInstance::logFile).filter(Files::isRegularFile).toList();
        try {
            return LogScan.of(files, incident.logs().get(), run.log.sent());
        } catch (RuntimeException e) {
            // the result and the report are written anyway; every log measure is then "nothing was measured"
            run.note("the builds' logs could not be read, so nothing about them was measured: " + e.getMessage());
            return LogScan.NONE;
        }
    }

    /**
     * The log groups under each CloudWatch Logs dependency's prefix, as the build put them; not
     * checkable where the environment has no CloudWatch Logs.
     */
    private LogGroupScan logGroupScan() {
        List<Dependency.CloudWatchLogs> dependencies = incident.dependencies().stream()
                .filter(d -> d instanceof Dependency.CloudWatchLogs).map(d -> (Dependency.CloudWatchLogs) d).toList();
        if (dependencies.isEmpty()) {
            return LogGroupScan.NONE;
        }
        Optional<String> none = run.environment.noCloudWatchLogs();
        if (none.isPresent()) {
            return LogGroupScan.notCheckable(none.get());
        }
        Optional<CloudWatchLogsClient> logs = run.environment.cloudWatchLogs();
        if (logs.isEmpty() || run.loadStart.get() == 0) {
            return new LogGroupScan(Map.of(), null); // nothing read: every measure on it is NaN
        }
        try {
            Map<String, List<LogGroups.Group>> groups = new LinkedHashMap<>();
            dependencies.forEach(d -> groups.put(d.name(), LogGroups.list(logs.get(), d.prefix())));
            return new LogGroupScan(groups, null);
        } catch (RuntimeException e) {
            run.note("the log groups could not be read, so nothing about them was measured: " + e.getMessage());
            return new LogGroupScan(Map.of(), null);
        }
    }

    /** The bucket as the build left it, when the incident watches one; read once, after the instances stopped. */
    private StorageScan storageScan() {
        if (incident.storage().isEmpty() || run.loadStart.get() == 0) {
            return StorageScan.NONE;
        }
        StorageWatch watch = incident.storage().get();
        Dependency.S3 bucket = incident.dependencies().stream()
                .filter(d -> d instanceof Dependency.S3 && d.name().equals(watch.dependency())).map(d -> (Dependency.S3) d)
                .findFirst().orElseThrow();
        Map<String, Long> uploadBytes = new LinkedHashMap<>();
        incident.load().mix().stream().filter(r -> r.upload() != null)
                .forEach(r -> uploadBytes.put(r.name(), UploadFiles.size(r.upload().file())));
        try {
            return StorageScan.of(run.environment.s3(), bucket.bucket(), watch, uploadBytes);
        } catch (RuntimeException e) {
            run.note("the bucket " + bucket.bucket() + " could not be read, so nothing about it was measured: " + e.getMessage());
            return StorageScan.NONE;
        }
    }

    ReplayResult result() {
        long start = run.loadStart.get() == 0 ? run.startedAt : run.loadStart.get();
        Map<String, String> faultByPhase = new LinkedHashMap<>();
        incident.faults().stream().filter(f -> f instanceof Fault.Toxic || f instanceof Fault.Outage)
                .forEach(f -> faultByPhase.put(f.phase(), FaultScheduler.key(f)));
        List<FaultEvent> events = run.faults == null ? List.of() : run.faults.events();
        Map<String, Window> windows = Judgement.asRun(run.plan.windows(start), events, faultByPhase);
        observations = new Observations(run.log.records(), run.timeline, windows, run.scale(), logScan(), storageScan(),
                logGroupScan());

        List<JudgedFinding> findings = new ArrayList<>(Judgement.findings(incident, observations));
        findings.addAll(steadyState(observations, windows));
        findings.addAll(signatureInControl(observations, windows));
        findings.addAll(afterRecovery(observations, windows));
        List<MachineWindow> machine = MachineGuard.loads(run.timeline, judgedWindows(windows));
        if (!MachineProbe.available() && run.loadStart.get() != 0) {
            run.notes.add("the machine guard could not sample this machine (no /proc/stat): whether the machine was "
                    + "saturated was not judged");
        }
        List<FaultCheck> checks = faultChecks(events);
        List<String> invalid = invalid(machine, checks, windows, findings, events);
        if (incident.logs().isPresent() && observations.logs().files() == 0 && run.loadStart.get() != 0) {
            // a logging incident on builds that run elsewhere (URLs), or whose logs could not be read, measured nothing
            invalid.add("the incident reads the builds' logs, but no log of a launched instance could be read: "
                    + "replay it on builds the harness launches (a jar or a command), not on URLs");
        }

        Verdict verdict;
        List<String> reasons;
        if (run.failure != null || (run.loadStart.get() == 0 && invalid.isEmpty())) {
            verdict = Verdict.INCOMPLETE;
            reasons = List.of(run.failure == null ? "the load never started" : run.failure.getMessage());
        } else {
            verdict = Judgement.verdict(run.request.role(), findings, invalid);
            reasons = Judgement.reasons(run.request.role(), verdict, findings, invalid);
        }
        ReplayResult.Resources resources = new ReplayResult.Resources(System.currentTimeMillis() - run.startedAt,
                ReplayRun.cpuMillis(ProcessHandle.current()) - run.harnessCpuAtStart, run.buildCpuMillis);
        // a replay that never loaded, or whose build runs elsewhere (URLs), has no build CPU to compare with
        if (run.loadStart.get() != 0 && resources.buildCpuMillis() > 0 && resources.harnessCpuPercent() > HARNESS_WARNING_PERCENT) {
            run.note(String.format(Locale.US, "the harness took %.0f%% of the replay's CPU (over %d%%; PostgreSQL not counted): "
                    + "on a shared machine the build was measured on what the harness left it", resources.harnessCpuPercent(),
                    HARNESS_WARNING_PERCENT));
        }
        return new ReplayResult(
                new IncidentInfo(incident.id(), incident.title(), incident.seedReference(), incident.story()),
                run.label,
                new BuildInfo(run.request.build().name(), run.request.build().describe()),
                datasetInfo(run.request.dataset()),
                run.scale().factor(),
                harnessVersion() + "; " + run.environment.postgres().describe() + "; " + run.environment.faultPlane().describe(),
                run.startedAt, System.currentTimeMillis(),
                verdict, reasons, findings, List.copyOf(windows.values()),
                Judgement.stats(observations, incident.load()),
                Judgement.traffic(observations.requests(), windows.get(Observations.RUN)),
                run.timeline.samples(),
                events, checks, run.gatlingReport, run.notes,
                resources,
                controlInfo(findings, windows),
                new MachineInfo(Runtime.getRuntime().availableProcessors(), MachineProbe.available(),
                        MachineGuard.BUSY_PERCENT, MachineGuard.PRESSURE_PERCENT, machine),
                run.warmUp,
                logsInfo(observations),
                storageInfo(observations));
    }

    /** What the builds logged over the load's last phase, with its monthly bill; null for an incident that watches no logs. */
    private ReplayResult.LogsInfo logsInfo(Observations observations) {
        if (incident.logs().isEmpty() || run.loadStart.get() == 0) {
            return null;
        }
        List<Phase> phases = incident.load().phases();
        String phase = phases.get(phases.size() - 1).name();
        Map<String, Double> logged = new LinkedHashMap<>();
        Map<String, Double> bytesOf = new LinkedHashMap<>();
        Stream.concat(incident.load().mix().stream().map(RequestSpec::name), Stream.of(RequestStats.ALL)).forEach(r -> {
            logged.put(r, Expect.loggedPercent(phase, r).read(observations));
            bytesOf.put(r, Expect.requestLogBytes(phase, r).read(observations));
        });
        double bytes = Expect.logBytesPerRequest(phase).read(observations);
        ReplayResult.CostInfo cost = incident.costs().map(c -> new ReplayResult.CostInfo(c.requestsPerSecond(), c.trafficSource(),
                c.logIngestionUsdPerGb(), c.logIngestionSource(), c.logGbPerMonth(bytes), c.logUsdPerMonth(bytes))).orElse(null);
        return new ReplayResult.LogsInfo(phase, logged, bytes, bytesOf, observations.logs().canaryLines(),
                observations.logs().secretLines(), cost, observations.logGroups().groups(), observations.logGroups().notCheckable());
    }

    /** What the build stored in the watched bucket, with its monthly bill; null for an incident that watches none. */
    private ReplayResult.StorageInfo storageInfo(Observations observations) {
        StorageScan scan = observations.storage();
        if (incident.storage().isEmpty() || !scan.scanned()) {
            return null;
        }
        StorageWatch watch = incident.storage().get();
        String d = watch.dependency();
        double perUpload = Expect.storedPerUpload(d).read(observations);
        ReplayResult.StorageCostInfo cost = incident.storageCosts().map(c -> new ReplayResult.StorageCostInfo(c.uploads(),
                c.uploadsSource(), c.usdPerGbMonth(), c.priceSource(), c.storedGb(perUpload), c.usdPerMonth(perUpload))).orElse(null);
        return new ReplayResult.StorageInfo(d, scan.bucket(), scan.versions(), scan.storedBytes(),
                scan.acknowledged(observations.requests()).count(), scan.bytesSent(observations.requests()), perUpload,
                Expect.storedShare(d).read(observations), scan.mostVersions(), scan.mostVersionsKey(), scan.lifecycleConfigured(),
                scan.lifecycle(), watch.lifecycle().stream().filter(r -> !scan.lifecycle().contains(r)).toList(), scan.checked(),
                scan.matching(), scan.mismatches(), cost);
    }

    /** A seeder dataset by its preset, pets and seed; a script by its file name (no pets, no seed). */
    private static DatasetInfo datasetInfo(DatasetSource dataset) {
        if (dataset instanceof DatasetSource.Seeded seeded) {
            DatasetSpec spec = seeded.spec();
            return new DatasetInfo(spec.preset().name().toLowerCase(Locale.ROOT), spec.pets(), spec.seed());
        }
        return new DatasetInfo(dataset.describe(), 0, 0);
    }

    /** Why the numbers cannot be trusted, most basic first; empty when they can. */
    private List<String> invalid(List<MachineWindow> machine, List<FaultCheck> checks, Map<String, Window> windows,
            List<JudgedFinding> findings, List<FaultEvent> events) {
        List<String> invalid = new ArrayList<>();
        if (run.refusal != null) {
            invalid.add(run.refusal);
        }
        MachineGuard.saturated(machine).ifPresent(invalid::add);
        if (run.faults != null) {
            run.faults.withheld().ifPresent(invalid::add);
        }
        controlProblem().ifPresent(invalid::add);
        if (run.isControl() || incident.control() instanceof Control.None) {
            List<String> unsteady = findings.stream().filter(f -> f.kind().equals(Judgement.STEADY_STATE) && f.finding().failed())
                    .map(f -> f.finding().reason()).toList();
            if (!unsteady.isEmpty()) {
                invalid.add("not steady in " + (run.isControl() ? "the control's " : "the ") + incident.control().phase()
                        + " phase: " + String.join("; ", unsteady));
            }
        }
        checks.stream().filter(c -> !c.verified()).forEach(c -> invalid.add("fault not applied: " + c.fault() + " — " + c.detail()));
        // a toxic still in place when the next phase began made that phase a fault window too
        events.stream().filter(e -> e.kind() == FaultEvent.Kind.FAILED_TO_REMOVE)
                .forEach(e -> invalid.add("fault not removed: " + e.fault() + " — " + e.action()
                        + "; the phases after it were judged with the fault still in place"));
        HarnessFiles.limit().ifPresent(limit -> HarnessFiles.exhausted(run.timeline, windows.get(Observations.RUN), limit)
                .ifPresent(limitReached -> invalid.add("harness limit: " + limitReached)));
        return invalid;
    }

    /** A baseline whose control replay was not steady (INVALID), or broke, has no control to rest on. */
    private Optional<String> controlProblem() {
        ReplayResult control = run.control;
        if (control == null || (control.verdict() != Verdict.INVALID && control.verdict() != Verdict.INCOMPLETE)) {
            return Optional.empty();
        }
        return Optional.of("the control replay was " + control.verdict() + ": " + String.join("; ", control.reasons()));
    }

    /**
     * The steady-state hypothesis as the gate judged it before the fault; for a control replay, over
     * its own control phase after the load; for a baseline with a control replay, the control's.
     */
    private List<JudgedFinding> steadyState(Observations observations, Map<String, Window> windows) {
        if (run.steadyBefore != null) {
            return as(Judgement.STEADY_STATE, run.steadyBefore.findings());
        }
        if (run.isControl() && run.loadStart.get() != 0) {
            return as(Judgement.STEADY_STATE, judge(incident.steadyState(), incident.control().phase(), observations));
        }
        if (run.control != null) {
            return run.control.findings().stream().filter(f -> f.kind().equals(Judgement.STEADY_STATE)).toList();
        }
        if (incident.control() instanceof Control.None && run.loadStart.get() != 0) {
            // no fault to hold back: judged after the load, and not holding makes the replay INVALID
            return as(Judgement.STEADY_STATE, judge(incident.steadyState(), incident.control().phase(), observations));
        }
        if (incident.control() instanceof Control.Replay && run.request.role() == Role.CANDIDATE && run.loadStart.get() != 0) {
            // under a fault that is there from the start: reported, and failing it is failing the budgets
            return as(Judgement.STEADY_STATE, judge(incident.steadyState(), incident.control().phase(), observations));
        }
        return List.of();
    }

    /** The baseline's signature over the control: each part that holds there was not caused by the fault. */
    private List<JudgedFinding> signatureInControl(Observations observations, Map<String, Window> windows) {
        if (run.request.role() != Role.BASELINE || run.loadStart.get() == 0) {
            return List.of();
        }
        if (run.control != null) {
            return run.control.findings().stream().filter(f -> f.kind().equals(Judgement.SIGNATURE))
                    .map(f -> new JudgedFinding(Judgement.CONTROL, f.finding())).toList();
        }
        return run.signatureInControl == null ? List.of() : as(Judgement.CONTROL, run.signatureInControl);
    }

    /**
     * The hypothesis again over the last phase, when a recovery phase lies between it and the last
     * fault: a build that never recovers is a finding, reported, not a verdict.
     */
    private List<JudgedFinding> afterRecovery(Observations observations, Map<String, Window> windows) {
        if (!(incident.control() instanceof Control.Window) || run.faults == null || run.faults.withheld().isPresent()
                || run.loadStart.get() == 0) {
            return List.of();
        }
        List<String> phases = incident.load().phases().stream().map(Phase::name).toList();
        String last = phases.get(phases.size() - 1);
        int lastFault = incident.faults().stream().mapToInt(f -> phases.indexOf(f.phase())).max().orElse(-1);
        if (lastFault < 0 || phases.size() - 1 - lastFault < 2) {
            return List.of();
        }
        List<Finding> findings = judge(incident.steadyState(), last, observations);
        if (findings.stream().anyMatch(Finding::failed)) {
            run.notes.add("not steady again by the end of the " + last + " phase: " + String.join("; ",
                    findings.stream().filter(Finding::failed).map(Finding::reason).toList()));
        }
        return as(Judgement.STEADY_STATE_AFTER, findings);
    }

    private static List<Finding> judge(List<Expectation> expectations, String phase, Observations observations) {
        return expectations.stream().map(e -> e.inPhase(phase).evaluate(observations)).toList();
    }

    private static List<JudgedFinding> as(String kind, List<Finding> findings) {
        return findings.stream().map(f -> new JudgedFinding(kind, f)).toList();
    }

    /** The control phase and every phase the decisive expectations judge, as run. */
    private List<Window> judgedWindows(Map<String, Window> windows) {
        Set<String> names = new LinkedHashSet<>();
        if (incident.control() instanceof Control.Window window) {
            names.add(window.phase());
        }
        List<Expectation> decisive = run.request.role() == Role.BASELINE ? incident.signature() : incident.budgets();
        decisive.forEach(e -> e.phase().ifPresent(names::add));
        return names.stream().map(windows::get).filter(w -> w != null && w.toMillis() > w.fromMillis()).toList();
    }

    private ControlInfo controlInfo(List<JudgedFinding> findings, Map<String, Window> windows) {
        Control c = incident.control();
        Boolean steady = run.steadyBefore != null ? Boolean.valueOf(run.steadyBefore.held())
                : findings.stream().noneMatch(f -> f.kind().equals(Judgement.STEADY_STATE)) ? null
                : findings.stream().filter(f -> f.kind().equals(Judgement.STEADY_STATE)).noneMatch(f -> f.finding().failed());
        List<String> held = findings.stream().filter(f -> f.kind().equals(Judgement.CONTROL) && f.finding().met())
                .map(f -> f.finding().reason()).toList();
        if (run.isControl()) {
            return new ControlInfo("none", c.describe(), windows.get(c.phase()), steady, List.of(), null,
                    "this is the control replay of " + incident.id() + "'s baseline");
        }
        if (c instanceof Control.None none) {
            return new ControlInfo("none", c.describe(), windows.get(none.phase()), steady, List.of(), null, none.reason());
        }
        if (c instanceof Control.Window w) {
            return new ControlInfo("window", c.describe(), windows.get(w.phase()), steady, held, null,
                    run.steadyBefore == null ? "the steady state was not checked: the load ended before the fault was due" : null);
        }
        if (run.control != null) {
            Window judged = run.control.phases().stream().filter(p -> p.name().equals(c.phase())).findFirst().orElse(null);
            return new ControlInfo("replay", c.describe(), judged, steady, held, "../" + ReplayEngine.CONTROL_LABEL + "/result.json", null);
        }
        String why = run.request.role() == Role.BASELINE
                ? "the control replay did not run: pass --control to ./replay run (./replay gate always runs it); without it "
                        + "the verdict does not show that the fault caused the signature"
                : "the control replay is the baseline's; a candidate is judged by its budgets";
        if (run.request.role() == Role.BASELINE && !run.notes.contains(why)) {
            run.notes.add(why);
        }
        return new ControlInfo("none", c.describe(), null, null, List.of(), null, why);
    }

    /**
     * The data volume must be there, each toxic of the timeline must have touched traffic (when the
     * fault plane can tell), each outage must have refused the harness's own connection (the
     * scheduler records an outage applied only then), and each stopped instance must have been
     * deregistered and exited, and its successor started and turned healthy as far as the fault asks
     * (recorded applied only then).
     */
    private List<FaultCheck> faultChecks(List<FaultEvent> events) {
        List<FaultCheck> checks = new ArrayList<>(run.volumeChecks);
        for (Fault fault : incident.faults()) {
            if (fault instanceof Fault.Outage outage) {
                String what = FaultScheduler.describe(outage);
                applied(what, FaultScheduler.key(outage), events, checks)
                        .ifPresent(applied -> checks.add(new FaultCheck(what, true, applied.detail())));
            } else if (fault instanceof Fault.Toxic toxic) {
                String what = FaultScheduler.describe(toxic, run.scale());
                applied(what, FaultScheduler.key(toxic), events, checks)
                        .ifPresent(applied -> touched(toxic, what).ifPresent(checks::add));
            } else if (fault instanceof Fault.Replace replace) {
                for (int index : replace.of(run.topology.instances())) {
                    String what = FaultScheduler.describe(replace, index);
                    applied(what, FaultScheduler.key(replace, index), events, checks)
                            .ifPresent(applied -> checks.add(new FaultCheck(what, true, applied.detail())));
                }
            }
        }
        return checks;
    }

    /**
     * The event that applied the fault; empty when it was withheld on purpose (the steady state did not
     * hold, which is the reason given) or the load never started (INCOMPLETE or refused), and empty with a
     * failed check added to {@code checks} when it was due and not applied.
     */
    private Optional<FaultEvent> applied(String what, String key, List<FaultEvent> events, List<FaultCheck> checks) {
        if (events.stream().anyMatch(e -> e.is(key, FaultEvent.Kind.WITHHELD))) {
            return Optional.empty();
        }
        Optional<FaultEvent> applied = events.stream().filter(e -> e.is(key, FaultEvent.Kind.APPLIED)).findFirst();
        if (applied.isEmpty() && run.loadStart.get() != 0) {
            checks.add(new FaultCheck(what, false, events.stream().filter(e -> e.is(key, FaultEvent.Kind.FAILED))
                    .map(FaultEvent::action).findFirst().orElse("never applied")));
        }
        return applied;
    }

    /** What the fault plane counted for an applied toxic; empty (and a note) where it counts nothing. */
    private Optional<FaultCheck> touched(Fault.Toxic toxic, String what) {
        var stats = run.environment.faultPlane().toxicStats(toxic.proxy(), run.faults.toxicName(toxic));
        if (stats.isEmpty()) {
            run.notes.add("the fault plane cannot report what '" + what + "' touched; the fault is unverified");
            return Optional.empty();
        }
        var s = stats.get();
        return Optional.of(new FaultCheck(what, s.touchedTraffic(), String.format(Locale.US,
                "%,d chunks (%,d bytes) affected, %,d connections closed", s.chunksAffected(), s.bytesAffected(),
                s.connectionsClosed())));
    }

    /** e.g. {@code Incident Replay 0.1.0 on Java 17.0.15}: what produced the numbers, for the report. */
    static String harnessVersion() {
        String version = ReplayEngine.class.getPackage().getImplementationVersion();
        return "Incident Replay " + (version == null ? "(development build)" : version) + " on Java " + Runtime.version();
    }
}
