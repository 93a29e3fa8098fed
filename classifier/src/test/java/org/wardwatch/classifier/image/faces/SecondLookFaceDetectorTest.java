package org.wardwatch.classifier.image.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.testing.SharedData;

class SecondLookFaceDetectorTest {
    private static final String PHOTO = "2008_001322.jpg"; // three labelled faces of 63 to 90 pixels

    @Test
    void theThresholdIsTheOneOfTheLargestSizeStepTheBoxReaches() {
        List<SecondLookFaceDetector.SizeThreshold> t = FaceDetectors.SECOND_LOOK_THRESHOLDS;
        assertThat(SecondLookFaceDetector.thresholdFor(t, 10)).isEqualTo(0.6);
        assertThat(SecondLookFaceDetector.thresholdFor(t, 63.9)).isEqualTo(0.6);
        assertThat(SecondLookFaceDetector.thresholdFor(t, 64)).isEqualTo(0.55);
        assertThat(SecondLookFaceDetector.thresholdFor(t, 127)).isEqualTo(0.55);
        assertThat(SecondLookFaceDetector.thresholdFor(t, 128)).isEqualTo(0.75);
        assertThat(SecondLookFaceDetector.thresholdFor(t, 900)).isEqualTo(0.75);
    }

    @Test
    void thresholdsMustStartFromTheSmallestFaces() {
        Path model = model();
        assertThatThrownBy(() -> new SecondLookFaceDetector(model, List.of(new SecondLookFaceDetector.SizeThreshold(20, 0.5)), 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsEveryLabelledFaceOfAGroupPhoto() throws Exception {
        Mat photo = read(SharedData.require("faces/images/" + PHOTO));

        List<Box> found = detector().detect(photo);

        for (Box truth : labelled(PHOTO, 1)) assertThat(bestIou(truth, found)).as("face at %s", truth).isGreaterThanOrEqualTo(0.4);
        assertThat(found).hasSize(3);
    }

    @Test
    void boxesAreInOriginalPixelsWhenThePhotoIsShrunkForBothLooks() throws Exception {
        Mat photo = read(SharedData.require("faces/images/" + PHOTO));
        Mat big = new Mat();
        Imgproc.resize(photo, big, new Size(photo.cols() * 3, photo.rows() * 3)); // 1500 px: YuNet runs at 1024

        List<Box> found = detector().detect(big);

        assertThat(found).hasSize(3);
        for (Box truth : labelled(PHOTO, 3)) assertThat(bestIou(truth, found)).as("face at %s", truth).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void theSecondLookRejectsTheDogsThatPlainYuNetTakesForFaces() throws Exception {
        Path model = model();
        Mat dogs = read(SharedData.require("negatives/dlib_dogs.jpg"));

        assertThat(new YuNetFaceDetector(model, FaceDetectors.YUNET_THRESHOLD, FaceDetectors.MAX_SIDE).detect(dogs)).isNotEmpty();
        assertThat(detector().detect(dogs)).isEmpty();
    }

    @Test
    void theSecondLookFindsARealFaceAgainAndNothingOnABlankWall() throws Exception {
        Mat photo = read(SharedData.require("faces/images/" + PHOTO));
        SecondLookFaceDetector d = detector();
        Box face = labelled(PHOTO, 1).get(0);

        Box again = d.secondLook(photo, face);
        Mat wall = new Mat(400, 400, CvType.CV_8UC3, new Scalar(180, 190, 200));
        Box nothing = d.secondLook(wall, new Box(150, 150, 80, 80, 0.5));

        assertThat(again.score()).isGreaterThan(0.8);
        assertThat(again.iou(face)).isGreaterThan(0.5);
        assertThat(nothing.score()).isZero();
    }

    private static SecondLookFaceDetector detector() {
        return new SecondLookFaceDetector(model(), FaceDetectors.SECOND_LOOK_THRESHOLDS, FaceDetectors.MAX_SIDE);
    }

    private static Path model() {
        OpenCv.load();
        return SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx");
    }

    private static Mat read(Path p) {
        OpenCv.load();
        Mat m = Imgcodecs.imread(p.toString(), Imgcodecs.IMREAD_COLOR);
        assertThat(m.empty()).as("%s decodes", p).isFalse();
        return m;
    }

    private static List<Box> labelled(String file, int scale) throws Exception {
        List<Box> boxes = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("faces/boxes.tsv"))) {
            String[] c = line.split("\t");
            if (!c[0].equals(file)) continue;
            boxes.add(new Box(Integer.parseInt(c[1]) * scale, Integer.parseInt(c[2]) * scale,
                    Integer.parseInt(c[3]) * scale, Integer.parseInt(c[4]) * scale, 1));
        }
        assertThat(boxes).isNotEmpty();
        return boxes;
    }

    private static double bestIou(Box truth, List<Box> found) {
        return found.stream().mapToDouble(truth::iou).max().orElse(0);
    }
}
