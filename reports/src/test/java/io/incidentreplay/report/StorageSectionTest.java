package io.incidentreplay.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentreplay.report.testsupport.Pages;
import io.incidentreplay.report.testsupport.RealisticResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incident that watches a bucket gets a "Storage and cost" section, and the comparison the bill before and after. */
class StorageSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    /** The result with the storage block the engine records for upload-bloat. */
    private static Path withStorage(Path resultJson, double perUpload, double percent, List<String> lifecycle, double usd)
            throws IOException {
        ObjectNode result = (ObjectNode) JSON.readTree(resultJson.toFile());
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("dependency", "uploads");
        storage.put("bucket", "petforce-user-uploads");
        storage.put("versions", 95);
        storage.put("storedBytes", (long) (perUpload * 95));
        storage.put("uploads", 95);
        storage.put("uploadedBytes", 1_177_002_310L);
        storage.put("bytesPerUpload", perUpload);
        storage.put("storedPercent", percent);
        storage.put("mostVersions", 37);
        storage.put("mostVersionsKey", "pets/1/photo.jpg");
        storage.put("lifecycleConfigured", !lifecycle.isEmpty());
        storage.put("lifecycle", lifecycle);
        storage.put("lifecycleMissing", lifecycle.isEmpty() ? List.of("noncurrent versions expire after 365 days") : List.of());
        storage.put("checked", 8);
        storage.put("matching", 0);
        storage.put("mismatches", List.of("pets/1/photo.jpg: not a variant (thumbnail.jpg)"));
        storage.put("cost", Map.of("uploads", 683_000, "uploadsSource", "seed 000 line 910", "usdPerGbMonth", 0.023,
                "priceSource", "S3 Standard", "storedGb", 7_881, "usdPerMonth", usd));
        result.set("storage", JSON.valueToTree(storage));
        JSON.writeValue(resultJson.toFile(), result);
        return resultJson;
    }

    @Test
    void theReplayReportShowsWhatWasStoredAndWhatItCostsWithItsSources() throws IOException {
        Path json = withStorage(RealisticResult.baseline(output), 12_389_498, 100, List.of(), 181.26);

        String page = Pages.read(HtmlReport.write(json));

        int start = page.indexOf("<section id=\"storage\">");
        String section = page.substring(start, page.indexOf("</section>", start));
        assertThat(section).contains("12,389,498 B an upload, 100% of the bytes sent", "37 (<code>pets/1/photo.jpg</code>)",
                "none (NoSuchLifecycleConfiguration)", "Required rules missing</dt><dd>noncurrent versions expire after 365 days",
                "0 of 8 as expected; pets/1/photo.jpg: not a variant", "$181.26 a month: 683,000 uploads (seed 000 line 910) take 7,881 GB"
                        + " at $0.023/GB-month (S3 Standard)");
    }

    @Test
    void aReplayWithoutStorageHasNoSuchSection() {
        assertThat(Pages.read(HtmlReport.write(RealisticResult.baseline(output)))).doesNotContain("<section id=\"storage\">");
    }

    @Test
    void theComparisonPutsTheTwoBillsSideBySide() throws IOException {
        Path baseline = withStorage(RealisticResult.baseline(output), 12_389_498, 100, List.of(), 181.26);
        Path candidate = withStorage(RealisticResult.candidate(output), 617_271, 4.98,
                List.of("noncurrent versions expire after 365 days"), 9.03);

        String page = Pages.read(ComparisonReport.write(baseline, candidate, output.resolve("upload-bloat")));

        assertThat(page).contains("<section id=\"storage-cost\">",
                "<td>storage a month</td><td class=\"num\">181.3 USD</td><td class=\"num\">9.0 USD</td><td class=\"num\">5.0%</td>",
                "at $0.023/GB-month (S3 Standard)",
                "<td>bytes stored per upload</td><td class=\"num\">12,389,498 B</td><td class=\"num\">617,271 B</td>");
    }
}
