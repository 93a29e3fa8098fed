package org.wardwatch.classifier.image.wounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.classifier.image.skin.SkinModel;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.testing.SharedData;

class WoundDetectorTest {
    private static final SkinModel SKIN;
    private static final WoundDetector DETECTOR;

    static {
        OpenCv.load();
        SKIN = SkinModel.builtIn();
        DETECTOR = WoundDetector.builtIn();
    }

    @Test
    void aWoundLikeRegionCountsOnlyWhereItLiesOnSkin() {
        Mat skinMask = Mat.zeros(200, 300, CvType.CV_8UC1);
        Imgproc.rectangle(skinMask, new org.opencv.core.Point(0, 0), new org.opencv.core.Point(120, 199), new Scalar(255), -1); // an arm
        Box onArm = new Box(40, 80, 30, 30, 0.9);     // a cut on the arm
        Box onShirt = new Box(220, 80, 30, 30, 0.9);  // a red shirt far from any skin
        Box atTheEdge = new Box(130, 80, 30, 30, 0.9); // beside the arm: skin within its surroundings
        assertThat(WoundDetector.onSkin(List.of(onArm, onShirt, atTheEdge), skinMask)).containsExactly(onArm, atTheEdge);
        // a single speck of skin is not enough
        skinMask.put(95, 235, 255);
        assertThat(WoundDetector.onSkin(List.of(onShirt), skinMask)).isEmpty();
    }

    @Test
    void aHeldOutFootUlcerGetsARegionOnItsWound() throws Exception {
        String name = "0034.png";
        assertThat(WoundSplit.heldOut(name)).as("never trained on").isTrue();
        Path img = SharedData.require("wounds/fuseg/images/" + name);
        Mat mask = WoundMasks.read(SharedData.require("wounds/fuseg/masks/" + name));

        List<Box> boxes = detect(img);

        assertThat(boxes).isNotEmpty();
        Mat inBoxes = Mat.zeros(mask.size(), CvType.CV_8UC1);
        for (Box b : boxes) Imgproc.rectangle(inBoxes, new Rect(b.x(), b.y(), b.w(), b.h()), new Scalar(255), -1);
        Core.bitwise_and(inBoxes, mask, inBoxes);
        assertThat(Core.countNonZero(inBoxes) / (double) Core.countNonZero(mask)).as("share of the wound inside the boxes").isGreaterThan(0.3);
    }

    @Test
    void redFoodGetsNoRegion() {
        // the cheeseburger is held out; strawberry and red wine were trained on as counter-examples
        for (String food : List.of("n07697313_cheeseburger.JPEG", "n07745940_strawberry.JPEG", "n07892512_red_wine.JPEG")) {
            assertThat(detect(SharedData.require("negatives/" + food))).as(food).isEmpty();
        }
    }

    @Test
    void portraitsWithoutWoundsAreRarelyFlagged() throws Exception {
        // 29 of the 32 were counter-examples in training; the held-out sara_badr.jpg (flushed skin) is flagged
        int flagged = 0, total = 0;
        try (var files = java.nio.file.Files.list(SharedData.require("skin/images"))) {
            for (Path p : files.sorted().toList()) {
                total++;
                if (!detect(p).isEmpty()) flagged++;
            }
        }
        assertThat(total).isEqualTo(32);
        assertThat(flagged / (double) total).isLessThanOrEqualTo(0.05);
    }

    @Test
    void medetecMasksWhoseValuesAreOneAreReadAsWounds() throws Exception {
        // Medetec masks hold 0 and 1, FUSeg masks 0 and 255: both must come back as 255 where the wound is
        Mat medetec = WoundMasks.read(SharedData.require("wounds/medetec/masks/foot-ulcer-0007.png"));
        Mat fuseg = WoundMasks.read(SharedData.require("wounds/fuseg/masks/0034.png"));
        for (Mat m : List.of(medetec, fuseg)) {
            double share = Core.countNonZero(m) / (double) m.total();
            assertThat(share).isBetween(0.0005, 0.5);
            assertThat(Core.minMaxLoc(m).maxVal).isEqualTo(255);
        }
    }

    /** As the analyzer calls it: on a copy of at most 512 pixels, with the skin probability of that copy. */
    private static List<Box> detect(Path file) {
        Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        double f = Math.min(1, 512.0 / Math.max(bgr.cols(), bgr.rows()));
        Mat small = new Mat();
        Imgproc.resize(bgr, small, new org.opencv.core.Size(Math.round(bgr.cols() * f), Math.round(bgr.rows() * f)), 0, 0, Imgproc.INTER_AREA);
        Mat skin = SKIN.probability(small);
        return DETECTOR.detect(small, skin, List.of());
    }
}
