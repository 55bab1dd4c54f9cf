package io.incidentreplay.petforce.before;

import io.incidentreplay.petforce.core.PhotoStorage;
import io.incidentreplay.petforce.core.PhotoUpload;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * WS2's upload (seed S0 895–947, incidents.md A8 "Before"): the phone's original, about 12 MB,
 * read whole into memory and put at {@code pets/<petId>/photo.jpg} as it came. The bucket is
 * versioned and has no lifecycle configuration, so every re-upload keeps the last one forever
 * (347 versions of one key in the seed).
 */
final class OriginalPhotoUpload {

    private OriginalPhotoUpload() {}

    static Handler handler(Optional<PhotoStorage> storage) {
        return ctx -> {
            Optional<PhotoUpload.Photo> photo = PhotoUpload.read(ctx, storage);
            if (photo.isEmpty()) {
                return;
            }
            byte[] original;
            try (InputStream in = photo.get().file().content()) {
                original = in.readAllBytes();
            }
            String key = PhotoUpload.key(photo.get().petId(), "photo.jpg");
            String type = photo.get().file().contentType();
            storage.get().put(key, original, type == null ? "application/octet-stream" : type, null, Map.of());
            ctx.json(Map.of("success", true, "url", storage.get().url(key), "size", original.length));
        };
    }
}
