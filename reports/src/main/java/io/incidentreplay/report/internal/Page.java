package io.incidentreplay.report.internal;

import io.incidentreplay.report.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles one self-contained HTML file from {@code templates/page.html}: the stylesheet, the body
 * and, for pages with charts, Chart.js and its annotation plugin read from their webjars and inlined
 * with their license headers, then the chart data and the page's chart script.
 */
public final class Page {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private Page() {}

    /** A page without charts. */
    public static String of(String kind, String title, String body) {
        return render(kind, title, body, "");
    }

    /** A page whose {@code <div id="charts">} the inlined chart script fills from {@code charts}. */
    public static String withCharts(String kind, String title, String body, Charts charts) {
        String scripts = "<script type=\"application/json\" id=\"chart-data\">" + Html.json(charts) + "</script>\n"
                + inlineScript(webjar("chart.js", "dist/chart.umd.min.js"))
                + inlineScript(webjar("chartjs-plugin-annotation", "dist/chartjs-plugin-annotation.min.js")) + "<script>\n" + resource("templates/charts.js")
                + "</script>\n";
        return render(kind, title, body, scripts);
    }

    public static Path write(Path file, String html) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new ReportException("cannot write report " + file + ": " + e.getMessage()
                    + "; check that the output directory is writable", e);
        }
    }

    private static String render(String kind, String title, String body, String scripts) {
        Map<String, String> values = Map.of(
                "title", Html.text(title),
                "kind", kind,
                "style", resource("templates/report.css"),
                "errorRecorder", resource("templates/errors.js"),
                "body", body,
                "scripts", scripts);
        // One pass over the template only: values (JSON, minified JS) are never scanned for placeholders.
        Matcher m = PLACEHOLDER.matcher(resource("templates/page.html"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("templates/page.html has an unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String inlineScript(String path) {
        String code = resource(path);
        if (code.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException(path + " contains '</script' and cannot be inlined as is");
        }
        return "<script>\n" + code + "\n</script>\n";
    }

    /** A webjar file's classpath path, at whatever version the root POM manages. */
    private static String webjar(String artifact, String file) {
        Properties pom = new Properties();
        try {
            pom.load(new StringReader(resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of webjar " + artifact, e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + file;
    }

    private static String resource(String path) {
        try (InputStream in = Page.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath; the reports jar or a webjar"
                        + " (org.webjars.npm:chart.js, org.webjars.npm:chartjs-plugin-annotation) is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the classpath", e);
        }
    }
}
