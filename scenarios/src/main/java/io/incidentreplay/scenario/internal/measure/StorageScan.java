package io.incidentreplay.scenario.internal.measure;

import io.incidentreplay.scenario.StorageWatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket read once after the load: every object version and its size, the lifecycle rules, and a
 * sample of the latest objects checked against the variants the incident expects. An incident that
 * watches no bucket gets {@link #NONE}.
 *
 * @param bucket the bucket read, or null for {@link #NONE}
 * @param versions every object version stored
 * @param storedBytes their bytes together: what the bucket bills
 * @param mostVersions the most versions of one key
 * @param mostVersionsKey that key, or null when the bucket is empty
 * @param lifecycleConfigured whether the bucket has any lifecycle configuration
 * @param lifecycle the enabled rules' actions, in {@link StorageWatch#LIFECYCLE_PHRASES}' words
 * @param checked the latest objects checked against the variants
 * @param matching those that were a variant of the right size, headers and metadata
 * @param mismatches why the first few others were not
 * @param uploadBytes each uploading request of the mix and its file's size, to set stored bytes against
 */
public record StorageScan(String bucket, long versions, long storedBytes, int mostVersions, String mostVersionsKey,
        boolean lifecycleConfigured, List<String> lifecycle, int checked, int matching, List<String> mismatches,
        Map<String, Long> uploadBytes) {

    public static final StorageScan NONE = new StorageScan(null, 0, 0, 0, null, false, List.of(), 0, 0, List.of(), Map.of());

    /** How many of the latest objects are checked; each is a HEAD and, for a variant, a GET of its header. */
    static final int SAMPLE = 24;
    private static final int MISMATCHES_KEPT = 5;

    public StorageScan {
        lifecycle = List.copyOf(lifecycle);
        mismatches = List.copyOf(mismatches);
        uploadBytes = Map.copyOf(uploadBytes);
    }

    public boolean scanned() {
        return bucket != null;
    }

    /** The uploads among {@code requests} that the build acknowledged (2xx): what the bucket's bytes are set against. */
    public java.util.stream.Stream<RequestRecord> acknowledged(List<RequestRecord> requests) {
        return requests.stream().filter(r -> r.status() / 100 == 2 && uploadBytes.containsKey(r.name()));
    }

    /** The bytes of the files the acknowledged uploads among {@code requests} sent. */
    public long bytesSent(List<RequestRecord> requests) {
        return acknowledged(requests).mapToLong(r -> uploadBytes.get(r.name())).sum();
    }

    /** Reads {@code bucket} through {@code s3} (the harness's direct client). */
    public static StorageScan of(S3Client s3, String bucket, StorageWatch watch, Map<String, Long> uploadBytes) {
        List<ObjectVersion> all = new ArrayList<>();
        s3.listObjectVersionsPaginator(r -> r.bucket(bucket)).forEach(page -> all.addAll(page.versions()));
        long bytes = all.stream().mapToLong(v -> v.size() == null ? 0 : v.size()).sum();
        Map<String, Integer> perKey = new HashMap<>();
        all.forEach(v -> perKey.merge(v.key(), 1, Integer::sum));
        Optional<Map.Entry<String, Integer>> most = perKey.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
        Optional<List<LifecycleRule>> rules = lifecycleRules(s3, bucket);
        List<String> phrases = rules.map(StorageScan::phrases).orElse(List.of());
        List<ObjectVersion> latest = all.stream().filter(v -> Boolean.TRUE.equals(v.isLatest()))
                .sorted(Comparator.comparing(ObjectVersion::key)).toList();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        int matching = 0;
        for (ObjectVersion object : sample(latest)) {
            checked++;
            Optional<String> wrong = check(s3, bucket, object.key(), watch);
            if (wrong.isEmpty()) {
                matching++;
            } else if (mismatches.size() < MISMATCHES_KEPT) {
                mismatches.add(object.key() + ": " + wrong.get());
            }
        }
        return new StorageScan(bucket, all.size(), bytes, most.map(Map.Entry::getValue).orElse(0),
                most.map(Map.Entry::getKey).orElse(null), rules.isPresent(), phrases, checked, matching, mismatches, uploadBytes);
    }

    /** Up to {@link #SAMPLE} objects spread evenly over the keys, so that every pet's part of the bucket is seen. */
    private static List<ObjectVersion> sample(List<ObjectVersion> latest) {
        if (latest.size() <= SAMPLE) {
            return latest;
        }
        List<ObjectVersion> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(latest.get((int) ((long) i * latest.size() / SAMPLE)));
        }
        return sample;
    }

    /** The bucket's rules; empty when it has no lifecycle configuration (S3's NoSuchLifecycleConfiguration). */
    private static Optional<List<LifecycleRule>> lifecycleRules(S3Client s3, String bucket) {
        try {
            return Optional.of(s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Each enabled rule's actions as phrases. */
    static List<String> phrases(List<LifecycleRule> rules) {
        List<String> phrases = new ArrayList<>();
        for (LifecycleRule rule : rules) {
            if (!"Enabled".equalsIgnoreCase(rule.statusAsString())) {
                continue;
            }
            rule.transitions().forEach(t -> {
                if (t.days() != null) {
                    phrases.add("transition to " + t.storageClassAsString() + " after " + t.days() + " days");
                }
            });
            rule.noncurrentVersionTransitions().forEach(t -> phrases.add("noncurrent versions to " + t.storageClassAsString()
                    + " after " + t.noncurrentDays() + " days"));
            if (rule.noncurrentVersionExpiration() != null && rule.noncurrentVersionExpiration().noncurrentDays() != null) {
                phrases.add("noncurrent versions expire after " + rule.noncurrentVersionExpiration().noncurrentDays() + " days");
            }
            if (rule.expiration() != null) {
                if (rule.expiration().days() != null) {
                    phrases.add("objects expire after " + rule.expiration().days() + " days");
                }
                if (Boolean.TRUE.equals(rule.expiration().expiredObjectDeleteMarker())) {
                    phrases.add("expired delete markers removed");
                }
            }
            if (rule.abortIncompleteMultipartUpload() != null && rule.abortIncompleteMultipartUpload().daysAfterInitiation() != null) {
                phrases.add("incomplete multipart uploads aborted after "
                        + rule.abortIncompleteMultipartUpload().daysAfterInitiation() + " days");
            }
        }
        return phrases;
    }

    /** Why the object is not one of the watched variants, or empty when it is. */
    private static Optional<String> check(S3Client s3, String bucket, String key, StorageWatch watch) {
        Optional<Map.Entry<String, StorageWatch.Size>> variant = watch.variants().entrySet().stream()
                .filter(v -> key.endsWith("/" + v.getKey()) || key.equals(v.getKey())).findFirst();
        if (variant.isEmpty()) {
            return Optional.of("not a variant (" + String.join(", ", watch.variants().keySet()) + ")");
        }
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
        for (Map.Entry<String, String> header : watch.headers().entrySet()) {
            String stored = header(head, header.getKey());
            if (!header.getValue().equals(stored)) {
                return Optional.of(header.getKey() + " is " + (stored == null ? "absent" : "'" + stored + "'") + ", not '"
                        + header.getValue() + "'");
            }
        }
        for (String metadata : watch.metadata()) {
            if (head.metadata().keySet().stream().noneMatch(k -> k.equalsIgnoreCase(metadata))) {
                return Optional.of("no metadata " + metadata + " (it has " + head.metadata().keySet() + ")");
            }
        }
        StorageWatch.Size size = imageSize(s3, bucket, key);
        if (!size.equals(variant.get().getValue())) {
            return Optional.of(size + " pixels, not " + variant.get().getValue());
        }
        return Optional.empty();
    }

    private static String header(HeadObjectResponse head, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type" -> head.contentType();
            case "cache-control" -> head.cacheControl();
            case "content-encoding" -> head.contentEncoding();
            case "content-disposition" -> head.contentDisposition();
            case "content-language" -> head.contentLanguage();
            default -> head.sdkHttpResponse().firstMatchingHeader(name).orElse(null);
        };
    }

    /** The width and height in the image's header (ImageIO reads no further than it needs); 0x0 when it is no image. */
    private static StorageWatch.Size imageSize(S3Client s3, String bucket, String key) {
        try (InputStream body = s3.getObject(r -> r.bucket(bucket).key(key));
                ImageInputStream in = ImageIO.createImageInputStream(body)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new StorageWatch.Size(0, 0);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new StorageWatch.Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return new StorageWatch.Size(0, 0);
        }
    }
}
