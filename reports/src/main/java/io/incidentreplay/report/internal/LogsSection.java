package io.incidentreplay.report.internal;

import static io.incidentreplay.report.internal.Html.number;
import static io.incidentreplay.report.internal.Html.text;
import static io.incidentreplay.report.internal.Html.textOrDash;

import io.incidentreplay.report.internal.ReplayData.Cost;
import io.incidentreplay.report.internal.ReplayData.Logs;
import java.util.Map;

/**
 * What the builds logged and what it costs a month, for an incident that watches their logs: the
 * replay report's "Logs and cost" section, and the comparison's before-versus-after bill. Every
 * figure the projection used is shown with its source, so a reader can check it.
 */
public final class LogsSection {

    private LogsSection() {}

    /** The replay report's section; empty for an incident that watches no logs. */
    public static String of(ReplayData data) {
        Logs logs = data.logs();
        if (logs == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"logs\">\n<h2>Logs and cost</h2>\n<p class=\"legend\">Read from every "
                + "instance's log output over the " + text(logs.phase()) + " phase: a request is logged when a log line names "
                + "its request id.</p>\n<table><thead><tr><th>request</th><th class=\"num\">logged</th>"
                + "<th class=\"num\">log bytes per request</th></tr></thead><tbody>\n");
        logs.loggedPercent().forEach((request, percent) -> out.append("<tr><td>").append(textOrDash(request))
                .append("</td><td class=\"num\">").append(percent(percent)).append("</td><td class=\"num\">")
                .append(number(logs.bytesPerRequestOf().getOrDefault(request, Double.NaN)))
                .append("</td></tr>\n"));
        out.append("</tbody></table>\n<dl class=\"facts\">\n<dt>Log bytes per request</dt><dd>")
                .append(number(logs.bytesPerRequest())).append(" B</dd>\n<dt>Lines holding a canary secret</dt><dd>")
                .append(number(logs.secretLines())).append(canaries(logs.canaryLines())).append("</dd>\n");
        Cost cost = logs.cost();
        if (cost != null) {
            out.append("<dt>Projected log volume</dt><dd>").append(number(cost.gbPerMonth())).append(" GB a month at ")
                    .append(number(cost.requestsPerSecond())).append(" req/s (").append(textOrDash(cost.trafficSource()))
                    .append(")</dd>\n<dt>Projected ingestion cost</dt><dd>$").append(number(cost.usdPerMonth()))
                    .append(" a month at $").append(number(cost.usdPerGb())).append("/GB (").append(textOrDash(cost.priceSource()))
                    .append(")</dd>\n");
        }
        return out.append("</dl>\n</section>\n").toString();
    }

    /** The comparison's table, baseline against candidate; empty when neither watched its logs. */
    public static String comparison(ReplayData baseline, ReplayData candidate) {
        Logs before = baseline.logs();
        Logs after = candidate.logs();
        if (before == null || after == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"cost\">\n<h2>Logs and their monthly cost</h2>\n<table><thead><tr>"
                + "<th></th><th class=\"num\">baseline</th><th class=\"num\">candidate</th><th class=\"num\">candidate / baseline</th>"
                + "</tr></thead><tbody>\n");
        row(out, "requests logged", before.loggedPercent().getOrDefault("all", Double.NaN),
                after.loggedPercent().getOrDefault("all", Double.NaN), "%");
        row(out, "log bytes per request", before.bytesPerRequest(), after.bytesPerRequest(), " B");
        row(out, "lines holding a canary secret", before.secretLines(), after.secretLines(), "");
        if (before.cost() != null && after.cost() != null) {
            row(out, "log volume a month", before.cost().gbPerMonth(), after.cost().gbPerMonth(), " GB");
            row(out, "ingestion cost a month", before.cost().usdPerMonth(), after.cost().usdPerMonth(), " USD");
            out.append("</tbody></table>\n<p class=\"legend\">Projected to ").append(number(after.cost().requestsPerSecond()))
                    .append(" req/s (").append(textOrDash(after.cost().trafficSource())).append(") at $")
                    .append(number(after.cost().usdPerGb())).append("/GB (").append(textOrDash(after.cost().priceSource()))
                    .append(").</p>\n");
        } else {
            out.append("</tbody></table>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** One row of a comparison: the baseline's value, the candidate's, and the candidate's as a share of the baseline's. */
    static void row(StringBuilder out, String what, double before, double after, String unit) {
        String ratio = before > 0 && !Double.isNaN(after) ? number(100.0 * after / before) + "%" : number(Double.NaN);
        out.append("<tr><td>").append(text(what)).append("</td><td class=\"num\">").append(number(before)).append(unit)
                .append("</td><td class=\"num\">").append(number(after)).append(unit).append("</td><td class=\"num\">")
                .append(ratio).append("</td></tr>\n");
    }

    static String percent(double value) {
        return Double.isNaN(value) ? number(value) : number(value) + "%";
    }

    private static String canaries(Map<String, Long> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        lines.forEach((canary, count) -> out.append(out.length() > 2 ? ", " : "").append("<code>").append(text(canary))
                .append("</code> ").append(number(count)));
        return out.append(")").toString();
    }
}
