package io.incidentreplay.scenario;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A file a request of the mix sends as a {@code multipart/form-data} form, with text fields beside
 * it (their values may use the feeder's {@code #{field}}), e.g. a phone photo to
 * {@code POST /upload/pet-photo} with the pet's id.
 *
 * @param field the form field the file goes in, e.g. {@code photo}
 * @param file the file: one on disk, or a phone photo the harness generates
 * @param fileName the name the form gives it, e.g. {@code IMG_4032.jpg}
 * @param contentType its type, e.g. {@code image/jpeg}
 * @param form the text fields, e.g. {@code petId: "#{petId}"}
 */
public record Upload(String field, File file, String fileName, String contentType, Map<String, String> form) {

    public Upload {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        form = Map.copyOf(form);
    }

    /** Where an upload's bytes come from. */
    public sealed interface File {}

    /** A file on disk, sent as it is. */
    public record OnDisk(Path path) implements File {}

    /**
     * A phone photo the harness generates and caches: a baseline JPEG of {@code width} x {@code height}
     * pixels of sensor-like noise, padded with comment segments to exactly {@code bytes}, as a phone's
     * EXIF and maker notes pad its photos. The same three numbers always give the same bytes.
     */
    public record PhonePhoto(int width, int height, long bytes) implements File {
        public PhonePhoto {
            if (width < 16 || height < 16 || width > 12_000 || height > 12_000) {
                throw new IllegalArgumentException("a phone photo is 16 to 12,000 pixels a side, not " + width + "x" + height);
            }
            if (bytes < 1 || bytes > 100_000_000) {
                throw new IllegalArgumentException("a phone photo is at most 100,000,000 bytes, not " + bytes);
            }
        }
    }
}
