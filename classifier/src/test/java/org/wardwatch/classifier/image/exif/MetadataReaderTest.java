package org.wardwatch.classifier.image.exif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.testing.SharedData;

class MetadataReaderTest {
    private final MetadataReader reader = new MetadataReader();

    @Test
    void readsTheGpsPositionThatPlacesAPhotoOnAWard() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("faces/images/2008_001009.jpg"));

        PhotoMetadata meta = reader.read(ExifJpeg.withGps(photo, 51.5237, -0.1585));

        assertThat(meta.gps()).isNotNull();
        assertThat(meta.gps().lat()).isCloseTo(51.5237, within(1e-4));
        assertThat(meta.gps().lon()).isCloseTo(-0.1585, within(1e-4));
        assertThat(meta.device()).isEqualTo("Cam");
    }

    @Test
    void aPhotoWithoutMetadataOrNotAnImageHasNone() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("faces/images/2008_001009.jpg"));
        assertThat(reader.read(photo).gps()).isNull();
        assertThat(reader.read("garbage".getBytes())).isEqualTo(PhotoMetadata.NONE);
    }
}
