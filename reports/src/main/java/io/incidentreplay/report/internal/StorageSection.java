package io.incidentreplay.report.internal;

import static io.incidentreplay.report.internal.Html.number;
import static io.incidentreplay.report.internal.Html.text;
import static io.incidentreplay.report.internal.Html.textOrDash;

import io.incidentreplay.report.internal.ReplayData.Storage;
import io.incidentreplay.report.internal.ReplayData.StorageCost;
import java.util.List;

/**
 * What the build stored and what it costs a month, for an incident that watches a bucket: the
 * replay report's "Storage and cost" section, and the comparison's before-versus-after bill. Every
 * figure the projection used is shown with its source.
 */
public final class StorageSection {

    private StorageSection() {}

    /** The replay report's section; empty for an incident that watches no bucket. */
    public static String of(ReplayData data) {
        Storage s = data.storage();
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"storage\">\n<h2>Storage and cost</h2>\n<p class=\"legend\">Read from "
                + "the bucket <code>" + text(s.bucket()) + "</code> (dependency " + text(s.dependency()) + ") after the load: "
                + "every object version, the lifecycle configuration, and a sample of the latest objects.</p>\n<dl class=\"facts\">\n");
        fact(out, "Uploads acknowledged", number(s.uploads()) + " (" + number(s.uploadedBytes()) + " B sent)");
        fact(out, "Stored", number(s.storedBytes()) + " B in " + number(s.versions()) + " object versions: "
                + number(s.bytesPerUpload()) + " B an upload, " + LogsSection.percent(s.storedPercent()) + " of the bytes sent");
        fact(out, "Most versions of one key", number(s.mostVersions()) + (s.mostVersionsKey() == null ? ""
                : " (<code>" + text(s.mostVersionsKey()) + "</code>)"));
        fact(out, "Lifecycle rules", !s.lifecycleConfigured() ? "none (NoSuchLifecycleConfiguration)" : list(s.lifecycle()));
        if (!s.lifecycleMissing().isEmpty()) {
            fact(out, "Required rules missing", list(s.lifecycleMissing()));
        }
        fact(out, "Objects checked against the variants", number(s.matching()) + " of " + number(s.checked()) + " as expected"
                + (s.mismatches().isEmpty() ? "" : "; " + list(s.mismatches())));
        StorageCost cost = s.cost();
        if (cost != null) {
            fact(out, "Projected storage cost", "$" + usd(cost.usdPerMonth()) + " a month: " + number(cost.uploads())
                    + " uploads (" + textOrDash(cost.uploadsSource()) + ") take " + number(Math.round(cost.storedGb())) + " GB at $"
                    + price(cost.usdPerGbMonth()) + "/GB-month (" + textOrDash(cost.priceSource()) + ")");
        }
        return out.append("</dl>\n</section>\n").toString();
    }

    /** The comparison's table, baseline against candidate; empty when either watched no bucket. */
    public static String comparison(ReplayData baseline, ReplayData candidate) {
        Storage before = baseline.storage();
        Storage after = candidate.storage();
        if (before == null || after == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"storage-cost\">\n<h2>Storage and its monthly cost</h2>\n<table><thead>"
                + "<tr><th></th><th class=\"num\">baseline</th><th class=\"num\">candidate</th><th class=\"num\">candidate / baseline</th>"
                + "</tr></thead><tbody>\n");
        LogsSection.row(out, "bytes stored per upload", before.bytesPerUpload(), after.bytesPerUpload(), " B");
        LogsSection.row(out, "stored of the bytes uploaded", before.storedPercent(), after.storedPercent(), "%");
        LogsSection.row(out, "most versions of one key", before.mostVersions(), after.mostVersions(), "");
        LogsSection.row(out, "lifecycle rules", before.lifecycle().size(), after.lifecycle().size(), "");
        if (before.cost() != null && after.cost() != null) {
            LogsSection.row(out, "storage a month", before.cost().usdPerMonth(), after.cost().usdPerMonth(), " USD");
            out.append("</tbody></table>\n<p class=\"legend\">Projected to ").append(number(after.cost().uploads()))
                    .append(" uploads (").append(textOrDash(after.cost().uploadsSource())).append(") at $")
                    .append(price(after.cost().usdPerGbMonth())).append("/GB-month (").append(textOrDash(after.cost().priceSource()))
                    .append(").</p>\n");
        } else {
            out.append("</tbody></table>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** Dollars to the cent: a storage bill of $9.03 is not $9.0. */
    private static String usd(double value) {
        return Double.isFinite(value) ? String.format(java.util.Locale.US, "%,.2f", value) : number(value);
    }

    /** A unit price as written in the price list, e.g. 0.023 or 0.00099. */
    private static String price(double value) {
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : number(value);
    }

    private static void fact(StringBuilder out, String term, String html) {
        out.append("<dt>").append(text(term)).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static String list(List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(i -> out.append(out.length() == 0 ? "" : "; ").append(text(i)));
        return out.toString();
    }
}
