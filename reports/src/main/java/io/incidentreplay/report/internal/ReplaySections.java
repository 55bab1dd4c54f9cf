package io.incidentreplay.report.internal;

import static io.incidentreplay.report.internal.Html.number;
import static io.incidentreplay.report.internal.Html.text;
import static io.incidentreplay.report.internal.Html.textOrDash;

import io.incidentreplay.report.internal.ReplayData.FaultCheck;
import io.incidentreplay.report.internal.ReplayData.FaultEvent;
import io.incidentreplay.report.internal.ReplayData.JudgedFinding;
import io.incidentreplay.report.internal.ReplayData.Stats;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The HTML sections of a replay's report, each built from the redacted read-model and escaped. */
public final class ReplaySections {

    private final ReplayData data;

    public ReplaySections(ReplayData data) {
        this.data = data;
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
                + fact("Started", Html.date(data.startedAtMillis()))
                + fact("Ended", Html.date(data.endedAtMillis()) + " (" + duration + " in all)")
                + fact("Seed story", textOrDash(data.incident().seedReference()))
                + "</dl>\n";
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
        out.append(list("reasons", data.reasons(), "no reasons recorded"));
        return out.append("</section>\n").toString();
    }

    private String expectationOf() {
        return switch (String.valueOf(data.role())) {
            case "baseline" -> "a baseline should be REPRODUCED (the replay still shows the incident)";
            case "candidate" -> "a candidate should PASS every budget";
            default -> "";
        };
    }

    /** The charts' container and a legend for the marks drawn on them. */
    public static String charts(String explanation) {
        return "<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"legend\">" + explanation
                + "<span class=\"swatch fault\"></span>fault applied"
                + "<span class=\"swatch phase\"></span>phase boundary"
                + "<span class=\"swatch signal\"></span>signal (SIGTERM, …) or failed fault step</p>\n"
                + "<div id=\"charts\"></div>\n</section>\n";
    }

    /** Findings grouped signature first, then budgets: expectation, measured reason, met or not. */
    public String findings() {
        StringBuilder out = new StringBuilder("<section id=\"budgets\">\n<h2>Signature and budgets</h2>\n");
        if (data.findings().isEmpty()) {
            return out.append("<p class=\"empty\">No expectation was judged.</p>\n</section>\n").toString();
        }
        Map<String, List<JudgedFinding>> byKind = data.findings().stream()
                .collect(Collectors.groupingBy(f -> f.kind() == null ? "other" : f.kind(), TreeMap::new,
                        Collectors.toList()));
        for (String kind : orderedKinds(byKind)) {
            out.append("<h3>").append("signature".equals(kind) ? "Signature (what the baseline must show)"
                    : "budget".equals(kind) ? "Budgets (what the candidate must meet)" : text(kind)).append("</h3>\n")
                    .append("<table class=\"findings\"><thead><tr><th>expectation</th><th>measured</th>"
                            + "<th class=\"num\">value</th><th>result</th></tr></thead><tbody>\n");
            for (JudgedFinding jf : byKind.get(kind)) {
                var f = jf.finding();
                boolean met = f != null && f.met();
                out.append("<tr><td>").append(f == null ? "&mdash;" : textOrDash(f.expectation())).append("</td><td>")
                        .append(f == null ? "&mdash;" : textOrDash(f.reason())).append("</td><td class=\"num\">")
                        .append(f == null ? "&mdash;" : number(f.measured())).append("</td><td class=\"")
                        .append(met ? "met\">✓ met" : "missed\">✗ not met").append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.append("</section>\n").toString();
    }

    private static List<String> orderedKinds(Map<String, ?> byKind) {
        return byKind.keySet().stream()
                .sorted((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b))
                .toList();
    }

    private static int rank(String kind) {
        return "signature".equals(kind) ? 0 : "budget".equals(kind) ? 1 : 2;
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
