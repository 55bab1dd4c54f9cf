package io.incidentreplay.petforce.after;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fix's three variants of a 12-megapixel phone photo. */
class PhotoVariantsTest {

    private static byte[] phonePhoto;

    /** 4032x3024 with sensor-like noise over a gradient, so that it compresses like a photo, not a flat colour. */
    @BeforeAll
    static void photo() throws IOException {
        BufferedImage image = new BufferedImage(4032, 3024, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int n = random.nextInt(48);
                image.setRGB(x, y, ((x * 255 / 4032 + n) & 0xff) << 16 | ((y * 255 / 3024 + n) & 0xff) << 8 | (128 + n) & 0xff);
            }
        }
        // a dark bar on the left that a centre crop leaves out
        for (int y = 0; y < 3024; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, 0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        phonePhoto = out.toByteArray();
    }

    @Test
    void three_square_progressive_jpegs_of_the_seeds_sizes_far_smaller_than_the_original() throws IOException {
        Map<String, byte[]> variants = PhotoVariants.of(new ByteArrayInputStream(phonePhoto));

        assertThat(variants).containsOnlyKeys("thumbnail", "medium", "large");
        assertThat(side(variants.get("thumbnail"))).isEqualTo(150);
        assertThat(side(variants.get("medium"))).isEqualTo(800);
        assertThat(side(variants.get("large"))).isEqualTo(1600);
        variants.values().forEach(jpeg -> assertThat(isProgressive(jpeg)).as("progressive (SOF2)").isTrue());
        long stored = variants.values().stream().mapToLong(b -> b.length).sum();
        assertThat(stored).isLessThan(phonePhoto.length / 2);
    }

    @Test
    void cover_crops_the_centre_square_so_the_left_edge_of_a_landscape_photo_is_cut_away() throws IOException {
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(PhotoVariants.of(new ByteArrayInputStream(phonePhoto)).get("large")));

        int leftEdge = large.getRGB(2, 800);
        assertThat((leftEdge >> 16 & 0xff) + (leftEdge >> 8 & 0xff) + (leftEdge & 0xff)).as("not the black bar").isGreaterThan(60);
    }

    @Test
    void bytes_that_are_no_image_are_refused_with_what_is_read() {
        assertThatThrownBy(() -> PhotoVariants.of(new ByteArrayInputStream("not a photo".getBytes())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an image");
    }

    private static int side(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).isEqualTo(image.getHeight());
        return image.getWidth();
    }

    /** A progressive JPEG's frame is SOF2 (0xFFC2); a baseline one's SOF0. */
    private static boolean isProgressive(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; ) {
            if ((jpeg[i] & 0xff) != 0xff) {
                return false;
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xc2) {
                return true;
            }
            if (marker == 0xc0 || marker == 0xc1 || marker == 0xda) {
                return false;
            }
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
        }
        return false;
    }
}
