package io.incidentreplay.report.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what a report wrote: the HTML, and the chart data it embeds. */
public final class Pages {

    private static final Pattern CHART_DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", Pattern.DOTALL);

    private Pages() {}

    public static String read(Path html) {
        try {
            return Files.readString(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON the page hands its chart script. */
    public static JsonNode chartData(String html) {
        Matcher m = CHART_DATA.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page embeds no chart data");
        }
        try {
            return new ObjectMapper().readTree(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checked-in fixture under {@code src/test/resources/results/}, copied to {@code directory/<role>/result.json}. */
    public static Path fixture(String name, Path directory) {
        try {
            Path source = Path.of(Pages.class.getResource("/results/" + name).toURI());
            Path target = directory.resolve(name.replace(".json", "")).resolve("result.json");
            Files.createDirectories(target.getParent());
            return Files.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
