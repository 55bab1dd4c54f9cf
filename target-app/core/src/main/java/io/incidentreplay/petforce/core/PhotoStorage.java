package io.incidentreplay.petforce.core;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The bucket pet photos go to ({@code petforce-user-uploads} in the seed), through the AWS SDK for
 * Java v2 against any S3 API: {@code S3_URL} (path-style, e.g. an emulator's {@code http://127.0.0.1:4566};
 * unset, the uploads answer 503 and nothing else changes), {@code S3_BUCKET}, and the SDK's own
 * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}.
 */
public final class PhotoStorage implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    private PhotoStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The bucket named by the environment, or empty when {@code S3_URL} is unset. */
    public static Optional<PhotoStorage> from(Env env) {
        String url = env.string("S3_URL", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("S3_URL must be an http(s) URL such as http://127.0.0.1:4566, but was '" + url + "'");
        }
        String bucket = env.required("S3_BUCKET", "set it to the bucket pet photos go to, e.g. S3_BUCKET=petforce-user-uploads");
        S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(url))
                .region(Region.of(env.string("AWS_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.string("AWS_ACCESS_KEY_ID", "petforce"), env.string("AWS_SECRET_ACCESS_KEY", "petforce"))))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return Optional.of(new PhotoStorage(s3, bucket));
    }

    public String bucket() {
        return bucket;
    }

    public S3Client client() {
        return s3;
    }

    /** Stores {@code bytes} at {@code key}, with headers and metadata of its own. */
    public void put(String key, byte[] bytes, String contentType, String cacheControl, Map<String, String> metadata) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                .metadata(metadata);
        if (cacheControl != null) {
            request.cacheControl(cacheControl);
        }
        s3.putObject(request.build(), RequestBody.fromBytes(bytes));
    }

    /** {@code s3://bucket/key}: where an object is, as the upload's answer names it. */
    public String url(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        s3.close();
    }
}
