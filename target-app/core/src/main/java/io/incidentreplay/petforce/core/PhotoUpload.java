package io.incidentreplay.petforce.core;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.Optional;

/**
 * {@code POST /upload/pet-photo}: a multipart form with the photo in {@code photo} (multer's
 * {@code upload.single("photo")} in the seed) and the pet in {@code petId}. The seed's handler uses a
 * {@code petId} it never defines (incidents.md A8); here it is a form field. Both builds read the
 * request the same way; what they store differs.
 */
public final class PhotoUpload {

    public static final String PATH = "/upload/pet-photo";

    /** A photo to store and the pet it belongs to. */
    public record Photo(long petId, UploadedFile file) {}

    private PhotoUpload() {}

    /**
     * The upload's pet and photo, or empty once the answer has been written: 503 when there is no
     * bucket to store it in, 400 naming what is missing.
     */
    public static Optional<Photo> read(Context ctx, Optional<PhotoStorage> storage) {
        if (storage.isEmpty()) {
            Json.error(ctx, 503, "uploads are not configured: set S3_URL and S3_BUCKET");
            return Optional.empty();
        }
        if (!String.valueOf(ctx.contentType()).startsWith("multipart/form-data")) {
            Json.error(ctx, 400, "send the photo as multipart/form-data with the fields photo and petId");
            return Optional.empty();
        }
        UploadedFile file = ctx.uploadedFile("photo");
        if (file == null || file.size() == 0) {
            Json.error(ctx, 400, "the form has no photo: send the image in a file field named photo");
            return Optional.empty();
        }
        String petId = ctx.formParam("petId");
        if (petId == null || !petId.matches("\\d{1,18}")) {
            Json.error(ctx, 400, "petId must be the pet's numeric id, but was '" + petId + "'");
            return Optional.empty();
        }
        return Optional.of(new Photo(Long.parseLong(petId), file));
    }

    /** Where a pet's photo objects live: {@code pets/<petId>/<name>}. */
    public static String key(long petId, String name) {
        return "pets/" + petId + "/" + name;
    }
}
