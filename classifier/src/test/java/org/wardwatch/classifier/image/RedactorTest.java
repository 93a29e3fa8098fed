package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfDouble;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.faces.YuNetFaceDetector;
import org.wardwatch.core.testing.SharedData;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @Test
    void noFaceCanBeFoundInTheBlurredRenditionEvenByALenientDetector() throws Exception {
        // 0.5: below the operating threshold (0.6), so a face that is merely weakened still counts
        YuNetFaceDetector lenient = new YuNetFaceDetector(TestImages.yunetModel(), 0.5f, 1024);
        for (String name : new String[] {"2007_007763.jpg", "2008_001322.jpg", "bald_guys.jpg", "Tom_Cruise_avp_2014_4.jpg"}) {
            byte[] photo = Files.readAllBytes(SharedData.require("faces/images/" + name));
            Mat original = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
            assertThat(lenient.detect(original)).as("faces in the original %s", name).isNotEmpty();

            Mat blurred = Imgcodecs.imdecode(new MatOfByte(redactor.blurredJpeg(photo)), Imgcodecs.IMREAD_COLOR);

            assertThat(blurred.empty()).isFalse();
            assertThat(lenient.detect(blurred)).as("faces in the blurred %s", name).isEmpty();
            assertThat(sharpness(blurred)).as("edge energy of the blurred %s", name).isLessThan(sharpness(original) / 10);
        }
    }

    @Test
    void theRenditionCarriesNoMetadataAndRefusesGarbage() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("faces/images/2008_001009.jpg"));
        byte[] tagged = org.wardwatch.classifier.image.exif.ExifJpeg.withGps(photo, 51.5, -0.1);

        byte[] blurred = redactor.blurredJpeg(tagged);

        assertThat(new org.wardwatch.classifier.image.exif.MetadataReader().read(blurred).gps()).isNull();
        assertThatThrownBy(() -> redactor.blurredJpeg("nope".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gifAndWebpAreBlurredLikeAnyOtherImage() {
        byte[] animatedGif = new GifBytes(64, 48)
                .frame(0, 0, 32, 48, GifBytes.KEEP, GifBytes.OPAQUE, GifBytes.RED)
                .frame(32, 0, 32, 48, GifBytes.KEEP, GifBytes.OPAQUE, GifBytes.BLUE).bytes();
        for (byte[] image : List.of(TestPictures.encoded(TestPictures.opaque(), "gif"), TestPictures.resource("lossy.webp"),
                TestPictures.resource("animated.webp"))) {
            Mat blurred = Imgcodecs.imdecode(new MatOfByte(redactor.blurredJpeg(image)), Imgcodecs.IMREAD_COLOR);

            assertThat(blurred.cols()).isEqualTo(64);
            assertThat(blurred.rows()).isEqualTo(48);
            // red on the left, blue on the right, however blurred (B, G, R)
            assertThat(blurred.get(24, 3)[2]).isGreaterThan(blurred.get(24, 3)[0] + 60);
            assertThat(blurred.get(24, 60)[0]).isGreaterThan(blurred.get(24, 60)[2] + 60);
        }
        // the rendition of an animation is its first frame: the blue half comes only in the second
        Mat first = Imgcodecs.imdecode(new MatOfByte(redactor.blurredJpeg(animatedGif)), Imgcodecs.IMREAD_COLOR);
        assertThat(first.get(24, 60)[0]).isGreaterThan(200);
        assertThat(first.get(24, 60)[2]).isGreaterThan(200);
    }

    /** Variance of the Laplacian: high for sharp detail, near zero for a heavy blur. */
    private static double sharpness(Mat bgr) {
        Mat gray = new Mat(), lap = new Mat();
        Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.Laplacian(gray, lap, CvType.CV_64F);
        MatOfDouble mean = new MatOfDouble(), std = new MatOfDouble();
        Core.meanStdDev(lap, mean, std);
        return std.get(0, 0)[0] * std.get(0, 0)[0];
    }
}
