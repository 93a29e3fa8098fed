package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.exif.ExifJpeg;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageLabel;
import org.wardwatch.core.testing.SharedData;

class OpenCvImageAnalyzerTest {
    @Test
    void thumbnailsSmallerThanThePeopleDetectorWindowAreAnalysedWithoutCrashing() {
        // OpenCV's HOG people detector used to kill the JVM on images under 64x128 pixels
        for (int[] size : new int[][] {{120, 90}, {90, 60}, {32, 32}, {200, 100}}) {
            Mat m = new Mat(size[1], size[0], org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(200, 80, 20));
            MatOfByte enc = new MatOfByte();
            Imgcodecs.imencode(".png", m, enc);
            ImageAnalysis a = TestImages.analyzer().analyze(enc.toArray(), size[0] + "x" + size[1] + ".png");
            assertThat(a.width()).isEqualTo(size[0]);
            assertThat(a.people()).isEmpty();
        }
    }

    @Test
    void findsTheFacesAndPeopleOfAGroupPhoto() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("faces/images/2007_007763.jpg"));

        ImageAnalysis a = TestImages.analyzer().analyze(photo, "group.jpg");

        // boxes.tsv labels 7 faces in this photo
        assertThat(a.faces()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(a.labels()).contains(ImageLabel.FACE, ImageLabel.PERSON);
        assertThat(a.score()).isGreaterThan(0.8);
        assertThat(a.skinFraction()).isBetween(0.01, 0.9);
    }

    @Test
    void boxesAreInOriginalPixelsWhenThePhotoIsLargerThanTheWorkingSize() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("faces/images/2007_007763.jpg"));
        Mat m = Imgcodecs.imdecode(new MatOfByte(photo), Imgcodecs.IMREAD_COLOR);
        Mat big = new Mat();
        Imgproc.resize(m, big, new Size(m.cols() * 3, m.rows() * 3)); // 1500 px: detection runs shrunk to 1024
        MatOfByte enc = new MatOfByte();
        Imgcodecs.imencode(".jpg", big, enc);

        ImageAnalysis small = TestImages.analyzer().analyze(photo, "small.jpg");
        ImageAnalysis large = TestImages.analyzer().analyze(enc.toArray(), "large.jpg");

        assertThat(large.width()).isEqualTo(m.cols() * 3);
        Box s = small.faces().stream().max((p, q) -> Integer.compare(p.w(), q.w())).orElseThrow();
        Box l = large.faces().stream().max((p, q) -> Integer.compare(p.w(), q.w())).orElseThrow();
        assertThat((double) l.w() / s.w()).isBetween(2.5, 3.5);
        assertThat((double) l.x() / Math.max(1, s.x())).isBetween(2.5, 3.5);
    }

    @Test
    void aPhotoWithNoPeopleHasNoPersonFinding() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("negatives/n07745940_strawberry.JPEG"));

        ImageAnalysis a = TestImages.analyzer().analyze(photo, "strawberry.jpg");

        assertThat(a.faces()).isEmpty();
        assertThat(a.labels()).doesNotContain(ImageLabel.FACE, ImageLabel.PERSON, ImageLabel.WOUND_LIKE);
    }

    @Test
    void aGeotagIsAFindingOnItsOwn() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("negatives/n07745940_strawberry.JPEG"));

        ImageAnalysis a = TestImages.analyzer().analyze(ExifJpeg.withGps(photo, 53.4808, -2.2426), "tagged.jpg");

        assertThat(a.gps()).isNotNull();
        assertThat(a.gps().lat()).isBetween(53.48, 53.49);
        assertThat(a.labels()).contains(ImageLabel.GEOTAGGED);
        assertThat(a.score()).isGreaterThan(0.2);
    }

    @Test
    void aCorruptImageIsAOneLineIllegalArgument() {
        // decoding fails before any face model runs, so the cascades do here and no shared data is needed
        OpenCvImageAnalyzer analyzer = ImageAnalyzers.withFaces(new org.wardwatch.classifier.image.faces.CascadeFaceDetector(512), null);
        assertThatThrownBy(() -> analyzer.analyze(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2}, "broken.jpg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken.jpg: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void picturesTooSmallOrThinToHoldAFaceAreAnalysedWithoutTheDetectors() {
        // the detectors never run, so the cascades do here and no shared data is needed
        OpenCvImageAnalyzer analyzer = ImageAnalyzers.withFaces(new org.wardwatch.classifier.image.faces.CascadeFaceDetector(512), null);
        // skin-coloured: given to the detectors, 8x8 of it was a PERSON (smooth skin running off the frame) and 1x30000 made OpenCV assert
        for (int[] size : new int[][] {{1, 30_000}, {30_000, 1}, {2, 2}, {1, 1}, {8, 8}, {30_000, 20}}) {
            Mat m = new Mat(size[1], size[0], org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(120, 150, 200));
            MatOfByte enc = new MatOfByte();
            Imgcodecs.imencode(".png", m, enc);
            m.release();

            ImageAnalysis a = analyzer.analyze(enc.toArray(), size[0] + "x" + size[1] + ".png");

            assertThat(new int[] {a.width(), a.height()}).containsExactly(size);
            assertThat(a.faces()).isEmpty();
            assertThat(a.people()).isEmpty();
            assertThat(a.labels()).isEmpty();
        }
    }

    @Test
    void aPictureHoldsAFaceWhenItsShorterSideKeeps16PixelsAtTheDetectorsSize() {
        assertThat(OpenCvImageAnalyzer.canHoldAFace(16, 16)).isTrue();
        assertThat(OpenCvImageAnalyzer.canHoldAFace(15, 400)).isFalse();
        assertThat(OpenCvImageAnalyzer.canHoldAFace(1024, 16)).isTrue();
        // shrunk to 1024 x 15.5
        assertThat(OpenCvImageAnalyzer.canHoldAFace(2048, 31)).isFalse();
        assertThat(OpenCvImageAnalyzer.canHoldAFace(2048, 32)).isTrue();
    }

    @Test
    void aFaceInTheLastFrameOfAnAnimatedGifFlagsTheImage() throws Exception {
        BufferedImage fruit = onCanvas(ImageIO.read(SharedData.require("negatives/n07745940_strawberry.JPEG").toFile()));
        BufferedImage face = onCanvas(ImageIO.read(SharedData.require("faces/images/2008_001322.jpg").toFile()));
        byte[] fruitOnly = TestPictures.animatedGif(List.of(fruit, fruit, fruit, fruit, fruit));
        byte[] faceLast = TestPictures.animatedGif(List.of(fruit, fruit, fruit, fruit, face));

        ImageAnalysis without = TestImages.analyzer().analyze(fruitOnly, "fruit.gif");
        ImageAnalysis with = TestImages.analyzer().analyze(faceLast, "ward.gif");

        assertThat(without.labels()).doesNotContain(ImageLabel.FACE);
        assertThat(with.labels()).contains(ImageLabel.FACE, ImageLabel.PERSON);
        assertThat(with.faces()).isNotEmpty();
        assertThat(with.width()).isEqualTo(500);
        assertThat(with.score()).isGreaterThan(0.8);
    }

    /** The photo drawn on a 500x375 canvas, so every frame of an animation has one size. */
    private static BufferedImage onCanvas(BufferedImage photo) {
        BufferedImage canvas = new BufferedImage(500, 375, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = canvas.createGraphics();
        g.drawImage(photo, 0, 0, 500, 375, null);
        g.dispose();
        return canvas;
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.require("faces/images/2008_001322.jpg"));
        ImageAnalysis alone = TestImages.analyzer().analyze(photo, "alone.jpg");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ImageAnalysis>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) runs.add(pool.submit(() -> TestImages.analyzer().analyze(photo, "shared.jpg")));
            for (Future<ImageAnalysis> r : runs) {
                assertThat(r.get().faces()).isEqualTo(alone.faces());
                assertThat(r.get().woundRegions()).isEqualTo(alone.woundRegions());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
