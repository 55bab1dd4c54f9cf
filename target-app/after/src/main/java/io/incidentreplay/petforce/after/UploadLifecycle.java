package io.incidentreplay.petforce.after;

import io.incidentreplay.petforce.core.PhotoStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.IntelligentTieringAccessTier;
import software.amazon.awssdk.services.s3.model.IntelligentTieringStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The fix's lifecycle configuration of the uploads bucket (seed S0 1495–1499, incidents.md A8):
 * every object to Intelligent-Tiering after 30 days; noncurrent versions to Glacier after 90 days and
 * gone after 365; incomplete multipart uploads aborted after 7 days; expired delete markers removed.
 * Versioning stays on. Put when the build starts, since the seed's fix is configuration the
 * service's own deploy applies; a failure is logged and the service still serves.
 */
final class UploadLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UploadLifecycle.class);

    private UploadLifecycle() {}

    static void apply(PhotoStorage storage) {
        String bucket = storage.bucket();
        try {
            storage.client().putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                    rule("TransitionToIntelligentTiering").transitions(t -> t.days(30)
                            .storageClass(TransitionStorageClass.INTELLIGENT_TIERING)).build(),
                    rule("ExpireOldVersions").noncurrentVersionTransitions(t -> t.noncurrentDays(90)
                            .storageClass(TransitionStorageClass.GLACIER))
                            .noncurrentVersionExpiration(e -> e.noncurrentDays(365)).build(),
                    rule("DeleteIncompleteMultipartUploads").abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)).build(),
                    rule("ExpireDeleteMarkers").expiration(e -> e.expiredObjectDeleteMarker(true)).build())));
        } catch (RuntimeException e) {
            log.error("The lifecycle rules of bucket {} could not be put: {}", bucket, e.getMessage());
            return;
        }
        try {
            storage.client().putBucketIntelligentTieringConfiguration(r -> r.bucket(bucket).id("ArchiveOldObjects")
                    .intelligentTieringConfiguration(c -> c.id("ArchiveOldObjects").status(IntelligentTieringStatus.ENABLED)
                            .tierings(t -> t.days(90).accessTier(IntelligentTieringAccessTier.ARCHIVE_ACCESS),
                                    t -> t.days(180).accessTier(IntelligentTieringAccessTier.DEEP_ARCHIVE_ACCESS))));
        } catch (RuntimeException e) {
            // emulators (S3Mock, LocalStack's community S3) do not serve it; AWS does
            log.warn("The intelligent-tiering configuration of bucket {} could not be put: {}", bucket, e.getMessage());
        }
    }

    private static LifecycleRule.Builder rule(String id) {
        return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""));
    }
}
