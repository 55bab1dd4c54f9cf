package io.incidentreplay.report.internal;

import static io.incidentreplay.report.internal.Html.number;
import static io.incidentreplay.report.internal.Html.text;
import static io.incidentreplay.report.internal.Html.textOrDash;

import io.incidentreplay.report.HtmlReport;
import io.incidentreplay.report.internal.ReplayData.Control;
import io.incidentreplay.report.internal.ReplayData.FaultCheck;
import io.incidentreplay.report.internal.ReplayData.FaultEvent;
import io.incidentreplay.report.internal.ReplayData.Finding;
import io.incidentreplay.report.internal.ReplayData.JudgedFinding;
import io.incidentreplay.report.internal.ReplayData.Machine;
import io.incidentreplay.report.internal.ReplayData.MachineWindow;
import io.incidentreplay.report.internal.ReplayData.Stats;
import io.incidentreplay.report.internal.ReplayData.WarmUp;
import io.incidentreplay.report.internal.ReplayData.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The HTML sections of a replay's report, each built from the redacted read-model and escaped. */
public final class ReplaySections {

    private final ReplayData data;
    private final Path resultJson;

    public ReplaySections(ReplayData data) {
        this(data, null);
    }

    /**
     * @param resultJson the file the data was read from, so relative links (the control replay's
     *     report) can be checked; null when unknown
     */
    public ReplaySections(ReplayData data, Path resultJson) {
        this.data = data;
        this.resultJson = resultJson;
    }

    /** The page title: the incident's title (or id) and the role. */
    public String title() {
        String name = data.incident().title() != null ? data.incident().title() : data.incident().id();
        return name + " — " + data.role();
    }

    public String header() {
        return "<header>\n<h1>" + text(title()) + "</h1>\n<p class=\"subtitle\">incident <code>" + textOrDash(data.incident().id())
                + "</code> · " + text(data.role()) + " build · replayed " + Html.date(data.startedAtMillis()) + "</p>\n"
                + "<p class=\"story\">" + textOrDash(data.incident().story()) + "</p>\n</header>\n";
    }

    /** Build, dataset, time scale, environment and dates, for a reader who did not run the replay. */
    public String facts() {
        var b = data.build();
        var d = data.dataset();
        String duration = data.endedAtMillis() > data.startedAtMillis()
                ? Html.seconds(data.endedAtMillis() - data.startedAtMillis()) : "&mdash;";
        return "<dl class=\"facts\">\n"
                + fact("Build", textOrDash(b.name()) + (b.path() == null ? "" : " <small>(" + text(b.path()) + ")</small>"))
                + fact("Dataset", d.preset() == null ? "&mdash;"
                        : text(d.preset()) + ", " + number(d.pets()) + " pets, random seed " + d.seed())
                + fact("Time scale", number(data.timeScale()) + (data.timeScale() == 1 ? " (real time)"
                        : " (every timer multiplied by " + number(data.timeScale()) + "; database work is never scaled)"))
                + fact("Environment", textOrDash(data.environment()))
                + (data.resources() == null ? "" : fact("CPU", cpu(data.resources())))
                + fact("Started", Html.date(data.startedAtMillis()))
                + fact("Ended", Html.date(data.endedAtMillis()) + " (" + duration + " in all)")
                + fact("Seed story", textOrDash(data.incident().seedReference()))
                + "</dl>\n";
    }

    /**
     * The harness's share first: on a shared machine every core-second it burns is taken from the
     * build, so a heavy harness is part of how to read the build's latency.
     */
    private static String cpu(ReplayData.Resources r) {
        String share = String.format(Locale.US, "%.0f%%", r.harnessCpuPercent());
        return (r.harnessCpuPercent() > HARNESS_SHARE_WARNING ? "<strong>the harness " + share + "</strong>" : "the harness " + share)
                + " of the replay's CPU (" + Html.seconds(r.harnessCpuMillis()) + "), the build's instances "
                + Html.seconds(r.buildCpuMillis()) + "; PostgreSQL not counted"
                + (r.harnessCpuPercent() > HARNESS_SHARE_WARNING ? " — over " + HARNESS_SHARE_WARNING
                        + "%: the build was measured on the CPU the harness left it" : "");
    }

    private static String fact(String name, String html) {
        return "<dt>" + name + "</dt><dd>" + html + "</dd>\n";
    }

    public String verdict() {
        StringBuilder out = new StringBuilder("<section id=\"verdict\">\n<h2>Verdict</h2>\n<p class=\"verdict-line\">")
                .append(Html.verdictBadge(data.verdict(), data.verdictAsExpected())).append(" <span>")
                .append(expectationOf()).append("</span></p>\n");
        if ("INCOMPLETE".equals(data.verdict())) {
            out.append("<p class=\"notice\">The replay did not finish: the charts and tables below show only what was"
                    + " observed before it stopped.</p>\n");
        }
        if ("INVALID".equals(data.verdict())) {
            out.append("<p class=\"notice\">An INVALID replay is no verdict about the build: the experiment itself did not"
                    + " hold (a fault that took no effect, a steady state that did not hold before it, a control that was"
                    + " not steady, a saturated machine, …). The reasons say which.</p>\n");
        }
        if (data.reasons().isEmpty()) {
            out.append("<p class=\"empty\">no reasons recorded</p>\n");
        } else {
            out.append("<ul class=\"reasons\">\n");
            data.reasons().forEach(r -> out.append("<li>").append(reason(r)).append("</li>\n"));
            out.append("</ul>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** A reason, escaped, with the engine's "(THIN margin 12%)" suffix made visible as a badge. */
    static String reason(String reason) {
        return text(reason).replace("(THIN margin ", "(" + THIN_BADGE + " margin ");
    }

    private static String thinBadge(String label) {
        return "<span class=\"badge thin\" title=\"margin under 25% of the limit: a verdict that may flip on the next"
                + " run\">" + label + "</span>";
    }

    private static final String THIN_BADGE = thinBadge("THIN");
    /** Above this share of a replay's CPU the harness is shown as heavy (the engine's note uses the same bound). */
    static final int HARNESS_SHARE_WARNING = 40;
    private static final String BOUND_BADGE = "<span class=\"badge bound\">at its bound</span>";

    private String expectationOf() {
        return switch (String.valueOf(data.role())) {
            case "baseline" -> "a baseline should be REPRODUCED (the replay still shows the incident)";
            case "candidate" -> "a candidate should PASS every budget";
            case ReplayData.BASELINE_CONTROL -> "a baseline's control replay should be NOT_REPRODUCED with its steady state"
                    + " holding: the same load without the fault's cause must show none of the signature";
            default -> "";
        };
    }

    /** The charts' container and a legend for the marks drawn on them. */
    public static String charts(String explanation) {
        return "<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"legend\">" + explanation
                + "<span class=\"swatch fault\"></span>fault applied"
                + "<span class=\"swatch phase\"></span>phase boundary"
                + "<span class=\"swatch signal\"></span>signal (SIGTERM, …), withheld or failed fault step</p>\n"
                + "<div id=\"charts\"></div>\n</section>\n";
    }

    /**
     * Every finding, grouped by kind: signature and budgets first, then the steady state, the
     * signature in the control and the steady state after the recovery. Each row has the measured
     * value, the limit and the margin to it, with a badge where the margin is thin or at its bound.
     */
    public String findings() {
        StringBuilder out = new StringBuilder("<section id=\"budgets\">\n<h2>Findings: signature, budgets, steady state"
                + " and control</h2>\n");
        if (data.findings().isEmpty()) {
            return out.append("<p class=\"empty\">No expectation was judged.</p>\n</section>\n").toString();
        }
        out.append("<p class=\"legend\">Margin: how far the measured value lies on the met side of the limit, as a share"
                + " of the limit (negative: outside). ").append(THIN_BADGE).append(" under 25%: a verdict that may flip"
                + " on the next run. ").append(BOUND_BADGE).append(" the value is the most or least the"
                + " measure can read (0% errors, every target healthy): no margin needed.</p>\n");
        Map<String, List<JudgedFinding>> byKind = data.findings().stream()
                .collect(Collectors.groupingBy(f -> f.kind() == null ? "other" : f.kind(), TreeMap::new,
                        Collectors.toList()));
        for (String kind : orderedKinds(byKind)) {
            out.append("<h3 id=\"findings-").append(text(kind.replaceAll("[^A-Za-z0-9-]", "-"))).append("\">")
                    .append(heading(kind)).append("</h3>\n")
                    .append("<table class=\"findings\"><thead><tr><th>expectation</th><th>measured</th>"
                            + "<th class=\"num\">value</th><th class=\"num\">limit</th><th class=\"num\">margin</th>"
                            + "<th>result</th></tr></thead><tbody>\n");
            for (JudgedFinding jf : byKind.get(kind)) {
                Finding f = jf.finding();
                out.append(f != null && f.isThin() ? "<tr class=\"thin\">" : "<tr>").append("<td>")
                        .append(f == null ? "&mdash;" : textOrDash(f.expectation())).append("</td><td>")
                        .append(f == null ? "&mdash;" : textOrDash(f.reason())).append("</td>")
                        .append(num(f == null ? "&mdash;" : number(f.measured())))
                        .append(num(f == null || f.limit() == null ? "&mdash;" : number(f.limit())))
                        .append(num(margin(f))).append(result(kind, f)).append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.append("</section>\n").toString();
    }

    private String heading(String kind) {
        String decides = " <small>— decides this verdict</small>";
        return switch (kind) {
            case ReplayData.SIGNATURE -> "Signature (what the baseline must show)"
                    + (isBaseline() ? decides : "");
            case ReplayData.BUDGET -> "Budgets (what the candidate must meet)"
                    + ("candidate".equals(data.role()) ? decides : "");
            case ReplayData.STEADY_STATE -> "Steady state (must hold in the control, before the fault)";
            case ReplayData.CONTROL -> "Signature in the control (none of it may hold there)";
            case ReplayData.STEADY_STATE_AFTER -> "Steady state after the recovery (did it recover? informational)";
            default -> text(kind);
        };
    }

    private boolean isBaseline() {
        return "baseline".equals(data.role()) || ReplayData.BASELINE_CONTROL.equals(data.role());
    }

    /** Met or not; in the control a signature part that held is the bad outcome. */
    private static String result(String kind, Finding f) {
        boolean met = f != null && f.met();
        if (f != null && f.isNotCheckable()) {
            return "<td class=\"skipped\">&ndash; not checkable here</td>";
        }
        if (ReplayData.CONTROL.equals(kind)) {
            return met ? "<td class=\"missed\">✗ held in the control</td>" : "<td class=\"met\">✓ absent</td>";
        }
        return met ? "<td class=\"met\">✓ met</td>" : "<td class=\"missed\">✗ not met</td>";
    }

    /**
     * The margin as the engine words it ("at its bound", or a percentage), with a thin badge; a dash
     * when the result recorded none (older results), "n/a" when it is undefined (limit 0, nothing measured).
     */
    static String margin(Finding f) {
        if (!marginRecorded(f)) {
            return "&mdash;";
        }
        if (f.isAtBound()) {
            return BOUND_BADGE;
        }
        if (!marginDefined(f)) {
            return "<span class=\"empty\" title=\"undefined: the limit is 0 or nothing was measured\">n/a</span>";
        }
        double m = f.margin();
        String value = Double.isInfinite(m) ? (m > 0 ? "∞" : "−∞") : String.format(Locale.US, "%,.0f%%", m * 100);
        return value + (f.isThin() ? " " + thinBadge("thin") : "");
    }

    /** Whether the result recorded a margin at all: results older than margins did not. */
    private static boolean marginRecorded(Finding f) {
        return f != null && (f.margin() != null || f.atBound() != null);
    }

    private static boolean marginDefined(Finding f) {
        return f.margin() != null && !Double.isNaN(f.margin());
    }

    private static List<String> orderedKinds(Map<String, ?> byKind) {
        return byKind.keySet().stream()
                .sorted((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b))
                .toList();
    }

    private static final List<String> KIND_ORDER = List.of(ReplayData.SIGNATURE, ReplayData.BUDGET,
            ReplayData.STEADY_STATE, ReplayData.CONTROL, ReplayData.STEADY_STATE_AFTER);

    private static int rank(String kind) {
        int rank = KIND_ORDER.indexOf(kind);
        return rank < 0 ? KIND_ORDER.size() : rank;
    }

    /**
     * The experiment's footing, right after the verdict: which control the verdict rests on, whether
     * the steady state held there, the signature judged in the control (none of it may hold), a link
     * to the control replay's report, and whether the build was steady again after the recovery.
     * Results older than these checks get one line saying so.
     */
    public String control() {
        Control c = data.control();
        List<JudgedFinding> steady = data.findingsOf(ReplayData.STEADY_STATE);
        List<JudgedFinding> inControl = data.findingsOf(ReplayData.CONTROL);
        List<JudgedFinding> after = data.findingsOf(ReplayData.STEADY_STATE_AFTER);
        StringBuilder out = new StringBuilder("<section id=\"control\">\n<h2>Steady state and control</h2>\n");
        if (c == null && steady.isEmpty() && inControl.isEmpty() && after.isEmpty()) {
            return out.append("<p class=\"empty\">Not recorded: this result was written before the engine checked a"
                    + " steady state and a control.</p>\n</section>\n").toString();
        }
        out.append("<p class=\"legend\">A fault is an experiment only if the system was steady before it (the"
                + " steady-state hypothesis, judged over the control), and it caused the signature only if the"
                + " signature is absent where the fault was not (the control).</p>\n<dl class=\"facts\">\n");
        if (c != null) {
            out.append(fact("Control", textOrDash(c.description())
                    + (c.kind() == null ? "" : " <small>(" + kind(c.kind()) + ")</small>")));
            if (c.window() != null) {
                out.append(fact("Control window", controlWindow(c)));
            }
            if (c.result() != null && !c.result().isBlank()) {
                out.append(fact("Control replay", controlReplayLinks(c.result())));
            }
            out.append(fact("Steady state", steadyState(c)));
            out.append(fact("Signature in the control", signatureInControl(c, inControl)));
        }
        out.append("</dl>\n");
        if (c != null && c.note() != null && !c.note().isBlank()) {
            out.append("<p class=\"notice\">").append(text(c.note())).append("</p>\n");
        }
        if (!steady.isEmpty()) {
            String where = c != null && "replay".equals(c.kind()) ? " in the control replay"
                    : ReplayData.BASELINE_CONTROL.equals(data.role()) ? " over the control phase" : " before the fault";
            out.append("<h3>Steady state").append(where).append(" <small>(every line must hold)</small></h3>\n")
                    .append(checks(ReplayData.STEADY_STATE, steady));
        }
        if (!inControl.isEmpty()) {
            out.append("<h3>The signature in the control <small>(none of it may hold here)</small></h3>\n")
                    .append(checks(ReplayData.CONTROL, inControl));
        }
        if (!after.isEmpty()) {
            out.append("<h3>After the recovery: did it recover?</h3>\n<p class=\"legend\">The steady-state hypothesis"
                    + " judged again over the last phase. Informational: it never decides the verdict.</p>\n")
                    .append(checks(ReplayData.STEADY_STATE_AFTER, after));
        }
        return out.append("</section>\n").toString();
    }

    /** The control's window: in this replay's time, or for a control replay in that replay's own. */
    private String controlWindow(Control c) {
        Window w = c.window();
        String name = "<code>" + textOrDash(w.name()) + "</code>";
        String length = Html.seconds(w.toMillis() - w.fromMillis());
        if ("replay".equals(c.kind())) {
            return name + " phase of the control replay, " + length + " long (in that replay's own time)";
        }
        long origin = data.loadStartMillis();
        return name + ", " + Html.seconds(w.fromMillis() - origin) + "–" + Html.seconds(w.toMillis() - origin)
                + " after the load started (" + length + ")";
    }

    /** Links to the control replay's report and JSON, relative to this report (they share a directory layout). */
    private String controlReplayLinks(String result) {
        if (!Html.isRelativeLink(result)) {
            return text(result) + " <small>(not linked: only relative paths are linked)</small>";
        }
        String json = result.replace('\\', '/');
        String report = json.substring(0, json.lastIndexOf('/') + 1) + HtmlReport.FILE_NAME;
        String links = "<a href=\"" + text(report) + "\">the control replay's report</a> · <a href=\"" + text(json)
                + "\">its result.json</a>";
        if (resultJson != null && !Files.isRegularFile(resultJson.toAbsolutePath().resolveSibling(report).normalize())) {
            links += " <small>(not found beside this report when it was written)</small>";
        }
        return links;
    }

    private String steadyState(Control c) {
        String where = "replay".equals(c.kind()) ? " in the control replay" : "";
        if (c.steadyStateHeld() == null) {
            return "<span class=\"empty\">not checked</span>";
        }
        if (c.steadyStateHeld()) {
            return "<span class=\"good\">✓ held" + where + "</span>";
        }
        boolean withheld = data.faultEvents().stream().anyMatch(e -> e.action() != null && e.action().startsWith("withheld"));
        String consequence = ReplayData.BASELINE_CONTROL.equals(data.role())
                ? " — the baseline it controls has no control to rest on, and is INVALID"
                : (withheld ? " — the fault was withheld" : "") + ("INVALID".equals(data.verdict()) ? " — the replay is INVALID" : "");
        return "<span class=\"bad\">✗ did not hold" + where + "</span>" + consequence;
    }

    private String signatureInControl(Control c, List<JudgedFinding> inControl) {
        if (!c.signatureHeld().isEmpty()) {
            return "<span class=\"bad\">✗ " + c.signatureHeld().size() + " part(s) held there too, so the fault did not"
                    + " cause them:</span> " + c.signatureHeld().stream().map(Html::text).collect(Collectors.joining("; "));
        }
        if (!inControl.isEmpty()) {
            return "<span class=\"good\">✓ none of it held</span> (" + inControl.size() + " part(s) judged)";
        }
        String why = "candidate".equals(data.role()) ? " (only a baseline's signature is judged in its control)"
                : ReplayData.BASELINE_CONTROL.equals(data.role()) ? " (this replay is the control: its own signature"
                        + " findings are the baseline's signature judged here)" : "";
        return "<span class=\"empty\">not judged</span>" + why;
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "window" -> "a window of this replay";
            case "replay" -> "a second replay without the fault";
            case "none" -> "no control judged for this replay";
            default -> text(kind);
        };
    }

    /** A compact list: met or not (for the control: absent or held), the measured reason, the margin. */
    private static String checks(String kind, List<JudgedFinding> findings) {
        StringBuilder out = new StringBuilder("<ul class=\"checks\">\n");
        for (JudgedFinding jf : findings) {
            Finding f = jf.finding();
            boolean met = f != null && f.met();
            boolean skipped = f != null && f.isNotCheckable();
            boolean good = ReplayData.CONTROL.equals(kind) != met;
            String mark = skipped ? "&ndash;" : ReplayData.CONTROL.equals(kind) ? (met ? "✗ held:" : "✓ absent:") : (met ? "✓" : "✗");
            out.append("<li><span class=\"").append(skipped ? "skipped" : good ? "good" : "bad").append("\">").append(mark).append("</span> ")
                    .append(f == null ? "&mdash;" : textOrDash(f.reason()));
            if (marginRecorded(f) && (f.isAtBound() || marginDefined(f))) {
                out.append(" <small class=\"margin\">").append(f.isAtBound() ? "" : "margin ").append(margin(f))
                        .append("</small>");
            }
            out.append("</li>\n");
        }
        return out.append("</ul>\n").toString();
    }

    /** Per phase (and per request name) figures, relative to the load start. */
    public String phases() {
        StringBuilder out = new StringBuilder("<section id=\"phases\">\n<h2>Per-phase figures</h2>\n");
        if (data.stats().isEmpty()) {
            return out.append("<p class=\"empty\">No request statistics were recorded.</p>\n</section>\n").toString();
        }
        long origin = data.loadStartMillis();
        out.append("<table class=\"stats\"><thead><tr><th>window</th><th>request</th><th class=\"num\">from–to</th>"
                + "<th class=\"num\">requests</th><th class=\"num\">req/s</th><th class=\"num\">p50 ms</th>"
                + "<th class=\"num\">p95 ms</th><th class=\"num\">p99 ms</th><th class=\"num\">max ms</th>"
                + "<th class=\"num\">errors</th><th class=\"num\">error %</th><th>by status</th>"
                + "<th class=\"num\">fallback %</th></tr></thead><tbody>\n");
        for (Stats s : data.stats()) {
            String span = data.phases().stream().filter(w -> w.name() != null && w.name().equals(s.window())).findFirst()
                    .map(w -> Html.seconds(w.fromMillis() - origin) + "–" + Html.seconds(w.toMillis() - origin))
                    .orElse("&mdash;");
            out.append("<tr><td>").append(textOrDash(s.window())).append("</td><td>").append(textOrDash(s.request()))
                    .append("</td>").append(num(span)).append(num(number(s.latency().count())))
                    .append(num(number(s.throughputPerSecond()))).append(num(number(s.latency().p50())))
                    .append(num(number(s.latency().p95()))).append(num(number(s.latency().p99())))
                    .append(num(number(s.latency().max()))).append(num(number(s.errors())))
                    .append(num(number(s.errorPercent()))).append("<td>").append(byStatus(s.errorsByStatus()))
                    .append("</td>").append(num(number(s.fallbackPercent()))).append("</tr>\n");
        }
        return out.append("</tbody></table>\n</section>\n").toString();
    }

    private static String num(String html) {
        return "<td class=\"num\">" + html + "</td>";
    }

    static String byStatus(Map<String, Long> errors) {
        return errors.isEmpty() ? "&mdash;" : errors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> text(e.getKey()) + ": " + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * The machine guard: each judged window's mean CPU busy, pressure, steal and the harness's and
     * the build's shares, and whether it was saturated (which makes the replay INVALID).
     */
    public String machine() {
        StringBuilder out = new StringBuilder("<section id=\"machine\">\n<h2>Machine</h2>\n");
        Machine m = data.machine();
        if (m == null) {
            return out.append("<p class=\"empty\">Not recorded: this result was written before the engine watched the"
                    + " machine's CPU.</p>\n</section>\n").toString();
        }
        out.append("<p>").append(m.cores() > 0 ? number(m.cores()) + " cores. " : "")
                .append("A judged window is <strong>saturated</strong> when its mean CPU busy reaches ")
                .append(number(m.busyPercentSaturated())).append("% or its CPU pressure reaches ")
                .append(number(m.pressurePercentSaturated())).append("%: then its numbers measure the machine, not the"
                        + " build, and the replay is INVALID. Busy, steal, harness and build are shares of the whole"
                        + " machine's CPU; pressure (Linux PSI \"some\") is the share of wall time in which a runnable"
                        + " thread waited for a core.")
                .append(data.timeline().stream().anyMatch(s -> ChartBuilder.MACHINE.equals(s.source()))
                        ? " The <em>Machine CPU</em> chart above shows them over the run." : "").append("</p>\n");
        if (!m.sampled()) {
            out.append("<p class=\"notice\">The machine offered no CPU counters (<code>/proc/stat</code>): nothing was"
                    + " judged.</p>\n");
        }
        if (m.windows().isEmpty()) {
            return out.append("<p class=\"empty\">No window was judged.</p>\n</section>\n").toString();
        }
        long origin = data.loadStartMillis();
        out.append("<table class=\"machine\"><thead><tr><th>window</th><th class=\"num\">from–to</th>"
                + "<th class=\"num\">busy %</th><th class=\"num\">pressure %</th><th class=\"num\">steal %</th>"
                + "<th class=\"num\">harness %</th><th class=\"num\">build %</th>"
                + "<th class=\"num\">peak runnable</th><th>saturated</th></tr></thead><tbody>\n");
        for (MachineWindow w : m.windows()) {
            Optional<Window> span = phase(w.window());
            out.append("<tr><td>").append(textOrDash(w.window())).append("</td>")
                    .append(num(span.map(p -> Html.seconds(p.fromMillis() - origin) + "–" + Html.seconds(p.toMillis() - origin))
                            .orElse("&mdash;")))
                    .append(num(number(w.busyPercent()))).append(num(number(w.pressurePercent())))
                    .append(num(number(w.stealPercent()))).append(num(number(w.harnessPercent())))
                    .append(num(number(w.buildPercent())))
                    .append(num(span.map(p -> peak("machine.runnable", p)).orElse("&mdash;")))
                    .append(w.saturated() ? "<td class=\"missed\">✗ saturated</td>" : "<td class=\"met\">✓ no</td>")
                    .append("</tr>\n");
        }
        return out.append("</tbody></table>\n</section>\n").toString();
    }

    private Optional<Window> phase(String name) {
        return data.phases().stream().filter(p -> p.name() != null && p.name().equals(name)).findFirst();
    }

    /** The highest reading of a machine series within the window, or a dash. */
    private String peak(String series, Window w) {
        OptionalDouble peak = data.timeline().stream()
                .filter(s -> series.equals(s.series()) && s.atMillis() >= w.fromMillis() && s.atMillis() < w.toMillis())
                .mapToDouble(ReplayData.Sample::value).filter(Double::isFinite).max();
        return peak.isPresent() ? number(peak.getAsDouble()) : "&mdash;";
    }

    /** How each instance was warmed with direct requests before the load balancer registered it. */
    public String warmUp() {
        StringBuilder out = new StringBuilder("<section id=\"warm-up\">\n<h2>Warm-up</h2>\n");
        if (data.warmUp().isEmpty()) {
            return out.append("<p class=\"empty\">No warm-up was recorded.</p>\n</section>\n").toString();
        }
        out.append("<p class=\"legend\">Each instance got requests straight to it, before the load balancer registered"
                + " it, until its latency settled (two rounds' p90 within 25%).</p>\n<table class=\"warm-up\"><thead><tr>"
                + "<th>instance</th><th class=\"num\">rounds</th><th class=\"num\">requests</th><th class=\"num\">took</th>"
                + "<th>settled</th><th class=\"num\">last round p90 ms</th><th class=\"num\">health check p95 ms</th>"
                + "</tr></thead><tbody>\n");
        for (WarmUp w : data.warmUp()) {
            out.append("<tr><td>").append(textOrDash(w.instance())).append("</td>").append(num(number(w.rounds())))
                    .append(num(number(w.requests()))).append(num(Html.seconds(w.millis())))
                    .append(w.settled() ? "<td class=\"met\">✓ settled</td>" : "<td class=\"missed\">✗ not settled</td>")
                    .append(num(number(w.p90Millis()))).append(num(number(w.healthCheckP95Millis()))).append("</tr>\n");
        }
        return out.append("</tbody></table>\n</section>\n").toString();
    }

    /** The fault timeline as it happened, and whether each fault demonstrably touched traffic. */
    public String faults() {
        StringBuilder out = new StringBuilder("<section id=\"faults\">\n<h2>Faults</h2>\n");
        long origin = data.loadStartMillis();
        if (data.faultEvents().isEmpty()) {
            out.append("<p class=\"empty\">No fault step was recorded.</p>\n");
        } else {
            out.append("<table><thead><tr><th class=\"num\">at</th><th>fault</th><th>action</th></tr></thead><tbody>\n");
            for (FaultEvent e : data.faultEvents()) {
                out.append("<tr>").append(num(Html.seconds(e.atMillis() - origin))).append("<td>").append(textOrDash(e.fault()))
                        .append("</td><td>").append(textOrDash(e.action())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        if (!data.faultChecks().isEmpty()) {
            out.append("<h3>Did each fault take effect?</h3>\n<table><thead><tr><th>fault</th><th>verified</th>"
                    + "<th>evidence</th></tr></thead><tbody>\n");
            for (FaultCheck c : data.faultChecks()) {
                out.append("<tr><td>").append(textOrDash(c.fault())).append("</td><td class=\"")
                        .append(c.verified() ? "met\">✓ touched traffic" : "missed\">✗ not shown").append("</td><td>")
                        .append(textOrDash(c.detail())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** The relative link to Gatling's own report, when the run got that far. */
    public String gatling() {
        String target = data.gatlingReport();
        String body = Html.isRelativeLink(target)
                ? "<a href=\"" + text(target.replace('\\', '/')) + "\">Gatling's HTML report of this run</a>"
                        + " (request-level detail; relative to this file)"
                : target == null || target.isBlank() ? "<span class=\"empty\">No Gatling report: the load did not complete.</span>"
                        : "Gatling report at " + text(target) + " (not linked: only relative paths are linked)";
        return "<section id=\"gatling\">\n<h2>Gatling report</h2>\n<p>" + body + "</p>\n</section>\n";
    }

    public String notes() {
        return "<section id=\"notes\">\n<h2>Notes</h2>\n" + list("notes", data.notes(), "none") + "</section>\n";
    }

    private static String list(String cssClass, List<String> items, String whenEmpty) {
        if (items.isEmpty()) {
            return "<p class=\"empty\">" + whenEmpty + "</p>\n";
        }
        return "<ul class=\"" + cssClass + "\">\n" + items.stream().map(i -> "<li>" + text(i) + "</li>\n")
                .collect(Collectors.joining()) + "</ul>\n";
    }
}
