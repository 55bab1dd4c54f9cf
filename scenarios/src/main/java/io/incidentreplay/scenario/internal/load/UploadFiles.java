package io.incidentreplay.scenario.internal.load;

import io.incidentreplay.scenario.Upload;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The files the load uploads, on disk where Gatling reads them: a file of the user's as it is, a
 * {@link Upload.PhonePhoto} generated once into a cache folder and kept (about a second for a
 * 12-megapixel photo; the same numbers always give the same bytes, so a cached one is as good as new).
 */
public final class UploadFiles {

    /** Bump when the generator changes, so that a cached photo of the old generator is not reused. */
    private static final int GENERATOR = 1;
    private static final byte[] PADDING = "incident-replay phone photo: a phone's EXIF, maker notes and preview ".getBytes(StandardCharsets.US_ASCII);
    /** A JPEG comment segment: FF FE, a two-byte length (itself included), at most 65,533 bytes of text. */
    private static final int MAX_SEGMENT = 2 + 65_535;

    /** Where generated photos are kept between replays: {@code <java.io.tmpdir>/incident-replay/photos}. */
    public static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "incident-replay", "photos");

    private UploadFiles() {}

    /** The file's path, generating a phone photo into {@link #CACHE} the first time. */
    public static Path path(Upload.File file) {
        return path(file, CACHE);
    }

    /** Its size in bytes. */
    public static long size(Upload.File file) {
        return size(file, CACHE);
    }

    /** Whether the photo was generated before and is in {@link #CACHE}. */
    public static boolean isCached(Upload.PhonePhoto photo) {
        return Files.isRegularFile(cached(photo, CACHE));
    }

    private static Path cached(Upload.PhonePhoto photo, Path cache) {
        return cache.resolve("phone-" + photo.width() + "x" + photo.height() + "-" + photo.bytes() + "-g" + GENERATOR + ".jpg");
    }

    /** The file's path, generating a phone photo into {@code cache} the first time. */
    public static Path path(Upload.File file, Path cache) {
        if (file instanceof Upload.OnDisk onDisk) {
            return onDisk.path();
        }
        Upload.PhonePhoto photo = (Upload.PhonePhoto) file;
        Path target = cached(photo, cache);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, "photo-", ".partial");
            Files.write(partial, generate(photo));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the phone photo " + target, e);
        }
    }

    /** Its size in bytes. */
    public static long size(Upload.File file, Path cache) {
        try {
            return Files.size(path(file, cache));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path(file, cache), e);
        }
    }

    /** A JPEG of exactly {@code photo.bytes()}: encoded at the highest quality that fits, then padded with comments. */
    static byte[] generate(Upload.PhonePhoto photo) throws IOException {
        BufferedImage image = noise(photo.width(), photo.height());
        for (float quality = 0.95f; quality > 0.05f; quality -= 0.15f) {
            byte[] encoded = jpeg(image, quality);
            if (encoded.length == photo.bytes() || encoded.length + 4 <= photo.bytes()) {
                return padded(encoded, photo.bytes());
            }
        }
        throw new IllegalArgumentException("a " + photo.width() + "x" + photo.height() + " photo does not fit in " + photo.bytes()
                + " bytes at any quality: give it more bytes or fewer pixels");
    }

    /** A gradient under per-pixel noise, as a sensor at ISO 400 gives: compresses like a photo, not a flat colour. */
    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(40);
                int r = Math.min(255, x * 200 / width + n);
                int g = Math.min(255, y * 200 / height + n);
                int b = Math.min(255, 90 + (x + y) * 100 / (width + height) + n);
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Comment segments right after the start-of-image marker, to exactly {@code total} bytes. */
    static byte[] padded(byte[] jpeg, long total) {
        byte[] out = new byte[Math.toIntExact(total)];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        int at = 2;
        long remaining = total - jpeg.length;
        while (remaining > 0) {
            int segment = (int) Math.min(MAX_SEGMENT, remaining);
            if (remaining - segment > 0 && remaining - segment < 4) {
                segment -= 4; // leave room for one more segment, the smallest of which is 4 bytes
            }
            out[at] = (byte) 0xFF;
            out[at + 1] = (byte) 0xFE;
            out[at + 2] = (byte) ((segment - 2) >> 8);
            out[at + 3] = (byte) (segment - 2);
            for (int i = 4; i < segment; i++) {
                out[at + i] = PADDING[i % PADDING.length];
            }
            at += segment;
            remaining -= segment;
        }
        System.arraycopy(jpeg, 2, out, at, jpeg.length - 2);
        return out;
    }
}
