package io.incidentreplay.scenario.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.scenario.Upload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated phone photos: real JPEGs of the asked pixels and exactly the asked bytes, the same every time. */
class UploadFilesTest {

    @TempDir
    Path cache;

    @Test
    void aPhonePhotoDecodesToItsPixelsAndHasExactlyItsBytes() throws IOException {
        Upload.PhonePhoto photo = new Upload.PhonePhoto(1200, 900, 1_500_003);

        Path file = UploadFiles.path(photo, cache);

        assertThat(Files.size(file)).isEqualTo(1_500_003);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(900);
    }

    @Test
    void theSameNumbersGiveTheSameBytesAndACachedPhotoIsReused() throws IOException {
        Upload.PhonePhoto photo = new Upload.PhonePhoto(640, 480, 400_000);
        byte[] first = UploadFiles.generate(photo);

        assertThat(UploadFiles.generate(photo)).isEqualTo(first);
        Path file = UploadFiles.path(photo, cache);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(UploadFiles.path(photo, cache)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
    }

    @Test
    void paddingLeavesNoGapSmallerThanASegment() throws IOException {
        byte[] jpeg = UploadFiles.generate(new Upload.PhonePhoto(64, 64, 20_000));
        for (int extra : new int[] {0, 4, 5, 65_537, 65_538, 65_539, 65_540, 65_541, 131_074}) {
            long total = jpeg.length + extra;
            byte[] padded = UploadFiles.padded(UploadFiles.generate(new Upload.PhonePhoto(64, 64, 20_000)), total);
            assertThat(padded).hasSize((int) total);
            assertThat(ImageIO.read(new ByteArrayInputStream(padded))).as("decodes with " + extra + " bytes of padding").isNotNull();
        }
    }

    @Test
    void aPhotoThatCannotFitItsBytesIsRefused() {
        assertThatThrownBy(() -> UploadFiles.generate(new Upload.PhonePhoto(4000, 3000, 1_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit in 1000 bytes");
    }
}
