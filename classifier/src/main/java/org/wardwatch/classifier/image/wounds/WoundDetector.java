package org.wardwatch.classifier.image.wounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.core.analysis.Box;

/**
 * Wound-like regions (open wounds, cuts, scars, bloody dressings), in two stages trained by
 * {@code wardwatch train-wounds}: the small DL4J cell network scores each cell of a grid, cells under
 * faces are blanked (lips and cheeks are not wounds), and the photo-level {@link WoundGate} decides
 * from the pattern of the cells, the photo's share of skin and its colour whether the photo shows a
 * wound at all; that is what keeps red food, red cars and ladybirds quiet. Only then are regions
 * traced on the brightest cells. DL4J networks are not safe to share between threads, so each thread
 * gets its own copy of the weights (a few KB).
 */
public final class WoundDetector {
    public static final String RESOURCE = "wound-model.zip";
    private static final int MAP = 96; // the 32-cell map is smoothed up to 96 before tracing regions

    private final ThreadLocal<MultiLayerNetwork> nets;
    private final WoundGate gate;

    public WoundDetector(MultiLayerNetwork trained, WoundGate gate) {
        this.nets = ThreadLocal.withInitial(trained::clone);
        this.gate = gate;
    }

    /** The committed network and gate, or null when the jar carries them not (before the first training). */
    public static WoundDetector builtIn() {
        WoundGate gate = WoundGate.builtIn();
        try (InputStream in = WoundDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null || gate == null) return null;
            return new WoundDetector(ModelSerializer.restoreMultiLayerNetwork(in, false), gate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network's wound probability for each cell of the grid, row-major. */
    static float[] cells(MultiLayerNetwork net, Mat bgr, Mat skinProbability) {
        float[][] features = WoundFeatures.compute(bgr, skinProbability);
        return net.output(Nd4j.create(features), false).reshape(WoundFeatures.GRID * WoundFeatures.GRID).toFloatVector();
    }

    /**
     * @param bgr   the working copy (at most a few hundred pixels)
     * @param faces faces in {@code bgr}'s pixels
     * @return wound-like regions in {@code bgr}'s pixels, each scored with the gate's probability
     */
    public List<Box> detect(Mat bgr, Mat skinProbability, List<Box> faces) {
        float[] cells = cells(nets.get(), bgr, skinProbability);
        WoundGate.blankFaces(cells, WoundFeatures.GRID, faces, bgr.cols(), bgr.rows());
        double p = gate.probability(WoundGate.features(cells, bgr, skinProbability));
        if (p < gate.threshold()) return List.of();
        float max = 0;
        for (float c : cells) max = Math.max(max, c);
        // the gate has decided; the brightest cells show where (tightly first, looser when that leaves only specks)
        List<Box> tight = regions(cells, bgr, 0.7 * max, p);
        return tight.isEmpty() ? regions(cells, bgr, 0.5 * max, p) : tight;
    }

    /**
     * The share of skin, in a box twice a region's size round its centre, that a wound-like region needs:
     * a wound lies on skin. Measured on the regions found (skin mask adapted to the faces found), every
     * photo of wounds/ where one was found has a region with 0.6% skin round it or more, while six of
     * the red shirts, banners and instruments found in faces-wider/ crowds have under 0.25%.
     */
    public static final double MIN_SKIN_AROUND = 0.003;

    /**
     * Keeps the regions that lie on skin: at least {@link #MIN_SKIN_AROUND} of the box twice their size
     * round their centre is skin.
     *
     * @param regions  in {@code skinMask}'s pixels
     * @param skinMask 255 where skin
     */
    public static List<Box> onSkin(List<Box> regions, Mat skinMask) {
        List<Box> kept = new ArrayList<>();
        for (Box b : regions) {
            int cx = b.x() + b.w() / 2, cy = b.y() + b.h() / 2;
            int x0 = Math.max(0, cx - b.w()), y0 = Math.max(0, cy - b.h());
            int x1 = Math.min(skinMask.cols(), cx + b.w()), y1 = Math.min(skinMask.rows(), cy + b.h());
            if (x1 <= x0 || y1 <= y0) continue;
            Mat around = skinMask.submat(y0, y1, x0, x1);
            if (Core.mean(around).val[0] / 255.0 >= MIN_SKIN_AROUND) kept.add(b);
            around.release();
        }
        return kept;
    }

    /** Connected regions of the cell map above {@code threshold}, specks dropped. */
    private static List<Box> regions(float[] cells, Mat bgr, double threshold, double score) {
        Mat grid = new Mat(WoundFeatures.GRID, WoundFeatures.GRID, CvType.CV_32FC1);
        grid.put(0, 0, cells);
        Mat prob = new Mat();
        Imgproc.resize(grid, prob, new Size(MAP, MAP), 0, 0, Imgproc.INTER_LINEAR);
        Mat binary = new Mat();
        Imgproc.threshold(prob, binary, threshold, 255, Imgproc.THRESH_BINARY);
        binary.convertTo(binary, CvType.CV_8UC1);
        Mat labels = new Mat(), stats = new Mat(), centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(binary, labels, stats, centroids, 8);
        List<Box> boxes = new ArrayList<>();
        double sx = bgr.cols() / (double) MAP, sy = bgr.rows() / (double) MAP;
        for (int label = 1; label < n; label++) {
            if (stats.get(label, Imgproc.CC_STAT_AREA)[0] < 20) continue; // under ~0.2% of the photo: a speck
            int x = (int) stats.get(label, Imgproc.CC_STAT_LEFT)[0], y = (int) stats.get(label, Imgproc.CC_STAT_TOP)[0];
            int w = (int) stats.get(label, Imgproc.CC_STAT_WIDTH)[0], h = (int) stats.get(label, Imgproc.CC_STAT_HEIGHT)[0];
            boxes.add(new Box((int) Math.round(x * sx), (int) Math.round(y * sy), (int) Math.round(w * sx), (int) Math.round(h * sy),
                    Math.max(0, Math.min(1, score))));
        }
        for (Mat m : List.of(grid, prob, binary, labels, stats, centroids)) m.release();
        return boxes;
    }
}
