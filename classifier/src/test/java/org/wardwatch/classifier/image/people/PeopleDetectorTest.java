package org.wardwatch.classifier.image.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.classifier.image.TestImages;
import org.wardwatch.classifier.image.skin.SkinModel;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageLabel;
import org.wardwatch.core.testing.SharedData;

/** The people cues that need no face: smooth skin, and faces hidden under stickers. */
class PeopleDetectorTest {
    /** A warm skin tone in BGR. */
    private static final Scalar SKIN = new Scalar(120, 150, 205);

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    @Test
    void aLargeSmoothSkinRegionRunningOffThePhotoIsAPerson() {
        // shoulders and chest, cropped by the bottom of the frame
        Mat photo = new Mat(300, 400, CvType.CV_8UC3, new Scalar(200, 60, 30));
        Imgproc.rectangle(photo, new Point(60, 40), new Point(340, 300), SKIN, -1);
        List<Box> regions = new PeopleDetector().skinRegions(maskOf(photo, new Point(60, 40), new Point(340, 300)), photo);
        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).w()).isGreaterThan(250);
    }

    @Test
    void theSameSkinColouredShapeWhollyInsideThePhotoIsNot() {
        // a ginger animal or a wooden table shown whole: smooth and skin-coloured, but nothing runs off the frame
        Mat photo = new Mat(300, 400, CvType.CV_8UC3, new Scalar(200, 60, 30));
        Imgproc.rectangle(photo, new Point(60, 40), new Point(340, 280), SKIN, -1);
        Mat mask = maskOf(photo, new Point(60, 40), new Point(340, 280));
        assertThat(new PeopleDetector().skinRegions(mask, photo)).isEmpty();
        // touching the edge at a corner or along a few pixels is not running off it
        Mat corner = maskOf(photo, new Point(60, 40), new Point(340, 280));
        Imgproc.rectangle(corner, new Point(330, 270), new Point(338, 299), new Scalar(255), -1);
        assertThat(PeopleDetector.frameRun(corner)).isLessThan(PeopleDetector.Settings.DEFAULT.skinRegionMinFrameRun());
        assertThat(new PeopleDetector().skinRegions(corner, photo)).isEmpty();
        assertThat(new PeopleDetector(PeopleDetector.Settings.DEFAULT.withSkinRegionMinFrameRun(0)).skinRegions(mask, photo)).hasSize(1);
    }

    @Test
    void skinColouredTextureLikeFurOrAQuiltIsNot() {
        Mat photo = new Mat(300, 400, CvType.CV_8UC3, new Scalar(200, 60, 30));
        Imgproc.rectangle(photo, new Point(60, 40), new Point(340, 300), SKIN, -1);
        // fine dark strands across the whole region, as fur or stitching gives
        for (int x = 60; x < 340; x += 4) Imgproc.line(photo, new Point(x, 40), new Point(x + 6, 300), new Scalar(40, 60, 90), 1);
        List<Box> regions = new PeopleDetector().skinRegions(maskOf(photo, new Point(60, 40), new Point(340, 300)), photo);
        assertThat(regions).isEmpty();
    }

    @Test
    void aStickerAmongSkinIsAHiddenFaceButTheSameDiscOnAPlainBackgroundIsNot() {
        Mat onPerson = new Mat(300, 300, CvType.CV_8UC3, new Scalar(90, 90, 90));
        Imgproc.rectangle(onPerson, new Point(70, 150), new Point(230, 300), SKIN, -1); // neck and shoulders
        Imgproc.ellipse(onPerson, new Point(150, 110), new org.opencv.core.Size(60, 75), 0, 0, 360, SKIN, -1); // head
        sticker(onPerson, new Point(150, 110), 70);
        List<Box> hidden = new CoveredFaces().find(onPerson, SkinModel.builtIn().mask(onPerson, List.of()));
        assertThat(hidden).hasSize(1);
        assertThat(hidden.get(0).iou(new Box(80, 40, 140, 140, 1))).isGreaterThan(0.7);

        Mat onTable = new Mat(300, 300, CvType.CV_8UC3, new Scalar(160, 90, 40));
        sticker(onTable, new Point(150, 110), 70);
        assertThat(new CoveredFaces().find(onTable, SkinModel.builtIn().mask(onTable, List.of()))).isEmpty();
    }

    @Test
    void aPortraitWithTheFaceCoveredByAnEmojiStillShowsAPerson() throws Exception {
        Path dir = SharedData.require("skin/images");
        int covered = 0, person = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                Mat bgr = Imgcodecs.imread(p.toString());
                if (bgr.empty()) continue;
                ImageAnalysis before = TestImages.analyzer().analyze(Files.readAllBytes(p), p.toString());
                if (before.faces().isEmpty()) continue;
                for (Box f : before.faces()) {
                    sticker(bgr, new Point(f.x() + f.w() / 2.0, f.y() + f.h() / 2.0), (int) (0.6 * Math.max(f.w(), f.h())));
                }
                MatOfByte jpeg = new MatOfByte();
                Imgcodecs.imencode(".jpg", bgr, jpeg);
                ImageAnalysis after = TestImages.analyzer().analyze(jpeg.toArray(), p + " (covered)");
                covered++;
                if (after.labels().contains(ImageLabel.PERSON)) person++;
            }
        }
        // measured: 26 of 32 (before the sticker cue, 6 of 32); the misses are close-ups where the sticker leaves almost no skin
        System.out.printf("portraits with every face under a sticker: %d, still PERSON: %d%n", covered, person);
        assertThat(covered).isGreaterThan(20);
        assertThat(person / (double) covered).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void hogLooksForBodiesOnlyWhenNoFaceWasFound() throws Exception {
        // a belly dancer standing full length: HOG finds her body, YuNet her face
        Path photo = SharedData.require("skin/images").resolve("amida-belly-dancer.jpg");
        Mat bgr = Imgcodecs.imread(photo.toString());
        List<Box> faces = TestImages.analyzer().analyze(Files.readAllBytes(photo), photo.toString()).faces();
        assertThat(faces).hasSize(1);

        List<Box> withoutFace = new PeopleDetector().detect(bgr, List.of());
        assertThat(withoutFace).as("the body, found by HOG when no face is").isNotEmpty();
        List<Box> withFace = new PeopleDetector().detect(bgr, faces);
        assertThat(withFace).as("only the face's head and shoulders: the face already makes the finding").hasSize(1);
        assertThat(withFace.get(0)).isEqualTo(PeopleDetector.fromFace(faces.get(0), bgr.cols(), bgr.rows()));
        // a face elsewhere in the photo (far from the dancer): asked to look anyway, HOG adds her body beside it
        Box elsewhere = new Box(bgr.cols() - 40, bgr.rows() - 40, 30, 30, 0.9);
        List<Box> both = new PeopleDetector(PeopleDetector.Settings.DEFAULT.withHogWithFaces(true)).detect(bgr, List.of(elsewhere));
        assertThat(both).hasSize(1 + withoutFace.size());
        assertThat(new PeopleDetector().detect(bgr, List.of(elsewhere))).hasSize(1);
    }

    /** A yellow smiley: a flat disc with two dark eyes and a smile, as the sticker apps draw it. */
    static void sticker(Mat bgr, Point c, int r) {
        Imgproc.circle(bgr, c, r, new Scalar(40, 210, 250), -1);
        Imgproc.circle(bgr, new Point(c.x - r * 0.35, c.y - r * 0.25), Math.max(1, r / 8), new Scalar(30, 30, 30), -1);
        Imgproc.circle(bgr, new Point(c.x + r * 0.35, c.y - r * 0.25), Math.max(1, r / 8), new Scalar(30, 30, 30), -1);
        Imgproc.ellipse(bgr, c, new org.opencv.core.Size(r * 0.5, r * 0.45), 0, 20, 160, new Scalar(30, 30, 30), Math.max(1, r / 12));
    }

    private static Mat maskOf(Mat photo, Point from, Point to) {
        Mat mask = Mat.zeros(photo.size(), CvType.CV_8UC1);
        Imgproc.rectangle(mask, from, to, new Scalar(255), -1);
        return mask;
    }
}
