package io.incidentreplay.petforce.after;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The fix's image pipeline (seed S0 1603–1617, sharp in the seed; the JDK's ImageIO here): each
 * photo becomes three square JPEGs, {@code fit: cover, position: center} — the centre square, scaled —
 * at quality 85, progressive. Only the centre square is decoded, subsampled to no less than the
 * largest variant, so a 12-megapixel phone photo costs about 27 MB of heap rather than 48.
 */
final class PhotoVariants {

    /** A variant's name (the object is {@code <name>.jpg}) and its side in pixels. */
    record Variant(String name, int side) {}

    static final List<Variant> VARIANTS = List.of(new Variant("thumbnail", 150), new Variant("medium", 800),
            new Variant("large", 1600));
    static final float QUALITY = 0.85f;

    private PhotoVariants() {}

    /**
     * Each variant's JPEG bytes, by name, largest scaled first and each smaller one from the one before.
     *
     * @throws IllegalArgumentException when the bytes are no image ImageIO reads
     */
    static Map<String, byte[]> of(InputStream photo) throws IOException {
        BufferedImage square = centreSquare(photo, VARIANTS.get(VARIANTS.size() - 1).side());
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        BufferedImage source = square;
        for (int i = VARIANTS.size() - 1; i >= 0; i--) {
            Variant variant = VARIANTS.get(i);
            source = scaled(source, variant.side());
            encoded.put(variant.name(), jpeg(source));
        }
        Map<String, byte[]> smallestFirst = new LinkedHashMap<>();
        VARIANTS.forEach(v -> smallestFirst.put(v.name(), encoded.get(v.name())));
        return smallestFirst;
    }

    private static BufferedImage centreSquare(InputStream photo, int atLeast) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(photo)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("the photo is not an image this server reads (JPEG, PNG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int side = Math.min(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
                int subsampling = Math.max(1, side / atLeast);
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scaled(BufferedImage source, int side) {
        BufferedImage target = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
