package io.incidentreplay.petforce.after;

import io.incidentreplay.petforce.core.Json;
import io.incidentreplay.petforce.core.PhotoStorage;
import io.incidentreplay.petforce.core.PhotoUpload;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fix's upload (seed S0 1603–1617, incidents.md A8 "After"): three resized JPEGs at
 * {@code pets/<petId>/{thumbnail,medium,large}.jpg}, cached for a year by browsers and CDNs, each with
 * the seed's metadata; the original is never stored. At most {@code UPLOAD_CONCURRENCY} photos are
 * decoded at once, the others wait: a decoded phone photo is tens of MB, and a capped heap must
 * survive a burst of uploads.
 */
final class OptimizedPhotoUpload {

    static final String CACHE_CONTROL = "public, max-age=31536000";
    private static final Logger log = LoggerFactory.getLogger(OptimizedPhotoUpload.class);

    private OptimizedPhotoUpload() {}

    static Handler handler(Optional<PhotoStorage> storage, int concurrency) {
        Semaphore decoding = new Semaphore(concurrency, true);
        return ctx -> {
            Optional<PhotoUpload.Photo> photo = PhotoUpload.read(ctx, storage);
            if (photo.isEmpty()) {
                return;
            }
            long petId = photo.get().petId();
            long originalSize = photo.get().file().size();
            Map<String, byte[]> variants;
            decoding.acquire();
            try (InputStream in = photo.get().file().content()) {
                variants = PhotoVariants.of(in);
            } catch (IllegalArgumentException notAnImage) {
                Json.error(ctx, 400, notAnImage.getMessage());
                return;
            } catch (Exception e) {
                log.error("Upload failed for pet {}", petId, e);
                Json.error(ctx, 500, "Upload failed");
                return;
            } finally {
                decoding.release();
            }
            Map<String, String> urls = new LinkedHashMap<>();
            long stored = 0;
            for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
                String key = PhotoUpload.key(petId, variant.getKey() + ".jpg");
                int size = variant.getValue().length;
                storage.get().put(key, variant.getValue(), "image/jpeg", CACHE_CONTROL, Map.of(
                        "originalSize", Long.toString(originalSize),
                        "optimizedSize", Integer.toString(size),
                        "compressionRatio", String.format(Locale.ROOT, "%.1f", 100.0 * (originalSize - size) / originalSize)));
                urls.put(variant.getKey(), storage.get().url(key));
                stored += size;
            }
            long saved = originalSize - stored;
            ctx.json(Map.of("success", true, "urls", urls, "savings", Map.of("bytes", saved,
                    "percent", Math.round(1000.0 * saved / originalSize) / 10.0)));
        };
    }
}
