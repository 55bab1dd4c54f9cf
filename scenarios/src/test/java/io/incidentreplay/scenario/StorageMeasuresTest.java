package io.incidentreplay.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentreplay.scenario.internal.measure.Observations;
import io.incidentreplay.scenario.internal.measure.RequestRecord;
import io.incidentreplay.scenario.internal.measure.StorageScan;
import io.incidentreplay.scenario.internal.measure.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The storage measures set what the bucket holds against the uploads the build acknowledged. */
class StorageMeasuresTest {

    private static final List<String> RULES = List.of("noncurrent versions expire after 365 days", "expired delete markers removed");
    private static final StorageCosts COSTS = new StorageCosts(683_000, "seed", 0.023, "price list");

    /** 8 uploads of 10,000,000 B answered 200, 2 answered 500 (their bytes are not the build's to keep). */
    private static Observations observations(StorageScan scan) {
        List<RequestRecord> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(new RequestRecord("upload", 1_000 + i, 300, 200, false));
        }
        requests.add(new RequestRecord("upload", 2_000, 300, 500, false));
        requests.add(new RequestRecord("upload", 2_001, 300, 500, false));
        requests.add(new RequestRecord("dashboard", 2_002, 30, 200, false));
        return new Observations(requests, new Timeline(), Map.of(Observations.RUN, new Window(Observations.RUN, 0, 10_000)),
                new TimeScale(1), io.incidentreplay.scenario.internal.measure.LogScan.NONE, scan);
    }

    private static StorageScan scan(long storedBytes, List<String> lifecycle, int checked, int matching) {
        return new StorageScan("petforce-user-uploads", 8, storedBytes, 5, "pets/1/photo.jpg", !lifecycle.isEmpty(), lifecycle,
                checked, matching, List.of(), Map.of("upload", 10_000_000L));
    }

    @Test
    void theOriginalsStoredWholeAreAllTheBytesUploadedAndTheirBill() {
        Observations before = observations(scan(80_000_000, List.of(), 4, 0));

        assertThat(Expect.storedPerUpload("uploads").read(before)).isEqualTo(10_000_000);
        assertThat(Expect.storedShare("uploads").read(before)).isEqualTo(100);
        assertThat(Expect.mostVersions("uploads").read(before)).isEqualTo(5);
        assertThat(Expect.lifecycleRules("uploads", RULES).read(before)).isZero();
        assertThat(Expect.variantsPercent("uploads").read(before)).isZero();
        // 10,000,000 B x 683,000 uploads = 6,361 GB at $0.023
        assertThat(Expect.monthlyStorageUsd("uploads", COSTS).read(before)).isCloseTo(146.30, org.assertj.core.data.Offset.offset(0.01));
        Finding share = Expect.storedShare("uploads").atMost(10).evaluate(before);
        assertThat(share.reason()).isEqualTo("bytes stored in uploads of the bytes uploaded 100% > 10%");
    }

    @Test
    void theFixsVariantsAreASmallShareAndEveryRequiredRuleCounts() {
        Observations after = observations(scan(4_000_000, List.of("expired delete markers removed",
                "noncurrent versions expire after 365 days", "transition to GLACIER after 90 days"), 24, 24));

        assertThat(Expect.storedPerUpload("uploads").read(after)).isEqualTo(500_000);
        assertThat(Expect.storedShare("uploads").read(after)).isEqualTo(5);
        assertThat(Expect.lifecycleRules("uploads", RULES).read(after)).isEqualTo(2);
        assertThat(Expect.lifecycleRules("uploads", RULES).atLeast(2).evaluate(after).atBound()).isTrue();
        assertThat(Expect.variantsPercent("uploads").read(after)).isEqualTo(100);
    }

    @Test
    void aBucketThatWasNotReadMeasuresNothingRatherThanZero() {
        Observations none = observations(StorageScan.NONE);

        assertThat(Expect.storedPerUpload("uploads").read(none)).isNaN();
        assertThat(Expect.storedShare("uploads").read(none)).isNaN();
        assertThat(Expect.lifecycleRules("uploads", RULES).read(none)).isNaN();
        assertThat(Expect.variantsPercent("uploads").read(none)).isNaN();
        assertThat(Expect.storedShare("uploads").atMost(10).evaluate(none).met()).isFalse();
    }
}
