package io.incidentreplay.scenario.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.scenario.StorageWatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** A bucket's lifecycle rules are read as the phrases an incident's storage.lifecycle lists. */
class LifecyclePhrasesTest {

    @Test
    void eachActionOfAnEnabledRuleIsOnePhraseAndADisabledRuleNone() {
        List<LifecycleRule> rules = List.of(
                LifecycleRule.builder().id("ExpireOldVersions").status(ExpirationStatus.ENABLED)
                        .noncurrentVersionTransitions(t -> t.noncurrentDays(90).storageClass(TransitionStorageClass.GLACIER))
                        .noncurrentVersionExpiration(e -> e.noncurrentDays(365)).build(),
                LifecycleRule.builder().id("Tier").status(ExpirationStatus.ENABLED)
                        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.INTELLIGENT_TIERING))
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7))
                        .expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
                LifecycleRule.builder().id("Off").status(ExpirationStatus.DISABLED).expiration(e -> e.days(1)).build());

        List<String> phrases = StorageScan.phrases(rules);

        assertThat(phrases).containsExactly("noncurrent versions to GLACIER after 90 days", "noncurrent versions expire after 365 days",
                "transition to INTELLIGENT_TIERING after 30 days", "expired delete markers removed",
                "incomplete multipart uploads aborted after 7 days");
        // every phrase read off a bucket is one an incident may require
        new StorageWatch("uploads", Map.of(), Map.of(), List.of(), phrases);
    }

    @Test
    void aRequiredRuleInOtherWordsIsRefusedWithTheWordsThatAreRead() {
        assertThatThrownBy(() -> new StorageWatch("uploads", Map.of(), Map.of(), List.of(), List.of("expire old versions after a year")))
                .hasMessageContaining("'expire old versions after a year' is not a rule this harness reads")
                .hasMessageContaining("noncurrent versions expire after <n> days");
    }
}
