package org.wardwatch.classifier.image.wounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.core.analysis.Box;

/**
 * Wound-like regions (open wounds, cuts, scars, bloody dressings) on skin, from the small DL4J
 * segmenter trained by {@code wardwatch train-wounds}. A region is reported only when skin surrounds
 * it, so red food, red cars and ladybirds stay quiet. DL4J networks are not safe to share between
 * threads, so each thread gets its own copy of the weights (a few hundred KB).
 */
public final class WoundDetector {
    public static final String RESOURCE = "wound-model.zip";
    /** The cut-offs are recorded with the model; see MODEL-CARD.md. */
    public static final double CELL_THRESHOLD = 0.7;
    public static final double MIN_SKIN_AROUND = 0.25;
    private static final int MAP = 96; // the 32-cell map is smoothed up to 96 before tracing regions

    private final ThreadLocal<MultiLayerNetwork> nets;
    private final WoundGate gate;
    private final double cellThreshold;
    private final double minSkinAround;

    /**
     * @param gate null to go by the cells alone (regions above {@code cellThreshold} with skin around
     *             them); otherwise the photo-level gate decides and the regions only place the boxes
     */
    public WoundDetector(MultiLayerNetwork trained, WoundGate gate, double cellThreshold, double minSkinAround) {
        this.nets = ThreadLocal.withInitial(trained::clone);
        this.gate = gate;
        this.cellThreshold = cellThreshold;
        this.minSkinAround = minSkinAround;
    }

    /** The committed model and gate, or null when the jar carries no model (before the first training). */
    public static WoundDetector builtIn() {
        try (InputStream in = WoundDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return null;
            return new WoundDetector(ModelSerializer.restoreMultiLayerNetwork(in, false), WoundGate.builtIn(), CELL_THRESHOLD, MIN_SKIN_AROUND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Result: boxes in original pixels, and the region map at {@value #MAP} pixels (255 = wound-like) for evaluation. */
    public record Regions(List<Box> boxes, Mat map) {
    }

    /** The cell network's wound probability for each cell of the grid, row-major. */
    public float[] cells(Mat bgr, Mat skinProbability) {
        float[][] features = WoundFeatures.compute(bgr, skinProbability);
        INDArray out = nets.get().output(Nd4j.create(features), false);
        return out.reshape(WoundFeatures.GRID * WoundFeatures.GRID).toFloatVector();
    }

    /**
     * @param faces faces in {@code bgr}'s pixels: lips and cheeks under them are not wounds
     */
    public Regions detect(Mat bgr, Mat skinProbability, List<Box> faces) {
        float[] cells = cells(bgr, skinProbability);
        WoundGate.blankFaces(cells, WoundFeatures.GRID, faces, bgr.cols(), bgr.rows());
        if (gate == null) return regions(cells, bgr, skinProbability, cellThreshold, minSkinAround, -1);
        double p = gate.probability(WoundGate.features(cells, bgr, skinProbability));
        if (p < gate.threshold()) return new Regions(List.of(), Mat.zeros(MAP, MAP, CvType.CV_8UC1));
        float max = 0;
        for (float c : cells) max = Math.max(max, c);
        // the gate has decided; the brightest cells show where (tightly first, looser when that leaves only specks)
        Regions tight = regions(cells, bgr, skinProbability, 0.7 * max, 0, p);
        if (!tight.boxes().isEmpty()) return tight;
        tight.map().release();
        return regions(cells, bgr, skinProbability, 0.5 * max, 0, p);
    }

    /** Connected regions of the cell map above {@code threshold}; {@code score} < 0 scores each by its mean probability. */
    private Regions regions(float[] cells, Mat bgr, Mat skinProbability, double threshold, double minSkin, double score) {
        Mat grid = new Mat(WoundFeatures.GRID, WoundFeatures.GRID, CvType.CV_32FC1);
        grid.put(0, 0, cells);
        Mat prob = new Mat();
        Imgproc.resize(grid, prob, new Size(MAP, MAP), 0, 0, Imgproc.INTER_LINEAR);
        Mat binary = new Mat();
        Imgproc.threshold(prob, binary, threshold, 255, Imgproc.THRESH_BINARY);
        binary.convertTo(binary, CvType.CV_8UC1);
        Mat skin = new Mat();
        Imgproc.resize(skinProbability, skin, new Size(MAP, MAP), 0, 0, Imgproc.INTER_AREA);

        Mat labels = new Mat(), stats = new Mat(), centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(binary, labels, stats, centroids, 8);
        List<Box> boxes = new ArrayList<>();
        Mat kept = Mat.zeros(MAP, MAP, CvType.CV_8UC1);
        double sx = bgr.cols() / (double) MAP, sy = bgr.rows() / (double) MAP;
        for (int label = 1; label < n; label++) {
            int x = (int) stats.get(label, Imgproc.CC_STAT_LEFT)[0], y = (int) stats.get(label, Imgproc.CC_STAT_TOP)[0];
            int w = (int) stats.get(label, Imgproc.CC_STAT_WIDTH)[0], h = (int) stats.get(label, Imgproc.CC_STAT_HEIGHT)[0];
            int area = (int) stats.get(label, Imgproc.CC_STAT_AREA)[0];
            if (area < 20) continue; // under ~0.2% of the photo: a speck, not a wound
            Mat region = new Mat();
            Core.compare(labels, new org.opencv.core.Scalar(label), region, Core.CMP_EQ);
            double meanProb = Core.mean(prob, region).val[0];
            if (minSkin > 0 && skinAround(region, skin) < minSkin) {
                region.release();
                continue;
            }
            kept.setTo(new org.opencv.core.Scalar(255), region);
            region.release();
            boxes.add(new Box((int) Math.round(x * sx), (int) Math.round(y * sy), (int) Math.round(w * sx), (int) Math.round(h * sy),
                    Math.max(0, Math.min(1, score >= 0 ? score : meanProb))));
        }
        grid.release();
        prob.release();
        binary.release();
        skin.release();
        labels.release();
        stats.release();
        centroids.release();
        return new Regions(boxes, kept);
    }

    /** The share of skin in a band around the region (and the region itself, since a scar is skin). */
    private static double skinAround(Mat region, Mat skin) {
        Mat grown = new Mat();
        Imgproc.dilate(region, grown, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(15, 15)));
        double mean = Core.mean(skin, grown).val[0] / 255.0;
        grown.release();
        return mean;
    }
}
