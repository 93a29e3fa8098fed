package org.wardwatch.classifier.image.faces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.FaceDetectorYN;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.core.analysis.Box;

/**
 * YuNet with a second look. The first pass over the photo (shrunk to {@code maxSide}) collects every
 * candidate down to score {@value #CANDIDATE_SCORE}; each candidate is then cut out with its
 * surroundings ({@value #LOOK_CONTEXT} times its size), scaled so the face is about 53 pixels in a
 * {@value #LOOK_SIDE}-pixel square, and YuNet looks again. A real face is found again with a similar
 * score whatever its size in the photo; clutter in a crowd, hands and many animal faces are not, or
 * much less surely. The candidate is kept when the geometric mean of the two scores reaches the
 * threshold for its size, as a face's size changes what YuNet mistakes for it (large boxes are where
 * dogs, ponies and patterned objects are found; small ones are crowd clutter).
 *
 * <p>Measured on faces-wider/ and negatives/ (classifier/IMAGES.md): against plain YuNet at 0.6 it
 * finds more 20-49 pixel faces at higher precision and fires on far fewer photos without people, for
 * a small loss on large faces; the thresholds are the few numbers tuned there.
 */
public final class SecondLookFaceDetector implements FaceDetector {
    public static final float CANDIDATE_SCORE = 0.3f;
    public static final int LOOK_SIDE = 160;
    public static final double LOOK_CONTEXT = 3.0;
    /** Candidates smaller than this (in working pixels) are too small to look at again; they keep plain YuNet's rule. */
    public static final int MIN_LOOK = 16;
    public static final float TINY_SCORE = 0.6f;
    /**
     * Below the largest size step, a candidate this sure is kept without a second look: measured on
     * faces-wider/ and negatives/, looking again never changed the decision for these, and skipping
     * saves about one look in five.
     */
    public static final double SURE = 0.9;
    public static final int SURE_BELOW = 128;

    /** Longer side of the box in working pixels (the photo at {@code maxSide}), and the threshold from that size up. */
    public record SizeThreshold(int fromSide, double threshold) {
    }

    private final YuNetFaceDetector candidates;
    private final ThreadLocal<FaceDetectorYN> looks;
    private final List<SizeThreshold> thresholds;
    private final int maxSide;

    /** @param thresholds ascending by {@code fromSide}, the first from 0 */
    public SecondLookFaceDetector(Path model, List<SizeThreshold> thresholds, int maxSide) {
        OpenCv.load();
        this.candidates = new YuNetFaceDetector(model, CANDIDATE_SCORE, maxSide);
        String file = model.toAbsolutePath().toString();
        this.looks = ThreadLocal.withInitial(() -> FaceDetectorYN.create(file, "", new Size(LOOK_SIDE, LOOK_SIDE), 0.02f, 0.3f, 50));
        if (thresholds.isEmpty() || thresholds.get(0).fromSide() != 0) throw new IllegalArgumentException("thresholds must start from size 0");
        this.thresholds = List.copyOf(thresholds);
        this.maxSide = maxSide;
    }

    /**
     * The kept faces in original pixels, scored by the geometric mean of both looks. The box is the
     * average of the two looks' boxes: the second, seen at a comfortable size, often sits better on a
     * small face.
     */
    @Override
    public List<Box> detect(Mat bgr) {
        List<Box> faces = new ArrayList<>();
        for (Scored s : score(bgr)) {
            if (!s.kept()) continue;
            Box a = s.candidate(), b = s.seenAgain() == null ? a : s.seenAgain();
            int x = (int) Math.round((a.x() + b.x()) / 2.0), y = (int) Math.round((a.y() + b.y()) / 2.0);
            int x2 = (int) Math.round((a.x() + a.w() + b.x() + b.w()) / 2.0), y2 = (int) Math.round((a.y() + a.h() + b.y() + b.h()) / 2.0);
            x = Math.max(0, x);
            y = Math.max(0, y);
            x2 = Math.min(bgr.cols(), x2);
            y2 = Math.min(bgr.rows(), y2);
            faces.add(new Box(x, y, Math.max(1, x2 - x), Math.max(1, y2 - y), s.fused()));
        }
        return faces;
    }

    /**
     * A first-pass candidate (original pixels, YuNet's score), the second look's score (NaN when the
     * candidate was too small to look at or sure enough without, 0 when it was not worth a look or nothing was found again),
     * the fused score, the decision, and where the second look saw the face (null when it did not).
     */
    public record Scored(Box candidate, double secondLook, double fused, boolean kept, Box seenAgain) {
    }

    /** Every candidate with both scores, for the evaluation and tests. */
    public List<Scored> score(Mat bgr) {
        double factor = Math.min(1.0, maxSide / (double) Math.max(bgr.cols(), bgr.rows()));
        List<Scored> out = new ArrayList<>();
        for (Box c : candidates.detect(bgr)) {
            double side = Math.max(c.w(), c.h()) * factor;
            if (side < MIN_LOOK) {
                out.add(new Scored(c, Double.NaN, c.score(), c.score() >= TINY_SCORE, null));
                continue;
            }
            double threshold = thresholdFor(side);
            if (c.score() >= SURE && side < SURE_BELOW) {
                out.add(new Scored(c, Double.NaN, c.score(), true, null));
                continue;
            }
            if (Math.sqrt(c.score()) < threshold) {
                // even a perfect second look could not lift it over the line: save the look
                out.add(new Scored(c, 0, 0, false, null));
                continue;
            }
            Box again = secondLook(bgr, c);
            double fused = Math.sqrt(c.score() * again.score());
            out.add(new Scored(c, again.score(), fused, fused >= threshold, again.score() > 0 ? again : null));
        }
        return out;
    }

    double thresholdFor(double side) {
        return thresholdFor(thresholds, side);
    }

    /** The threshold of the last step whose {@code fromSide} the box reaches. */
    static double thresholdFor(List<SizeThreshold> thresholds, double side) {
        double t = thresholds.get(0).threshold();
        for (SizeThreshold s : thresholds) if (side >= s.fromSide()) t = s.threshold();
        return t;
    }

    /**
     * YuNet's best face where {@code c} is (overlapping it by IoU 0.3 or more), in a square
     * {@value #LOOK_CONTEXT} times its size scaled to {@value #LOOK_SIDE} pixels; the box in original
     * pixels, with score 0 when nothing was found there.
     */
    Box secondLook(Mat bgr, Box c) {
        int s = (int) Math.max(4, Math.round(Math.max(c.w(), c.h()) * LOOK_CONTEXT));
        double cx = c.x() + c.w() / 2.0, cy = c.y() + c.h() / 2.0;
        int x0 = (int) Math.round(cx - s / 2.0), y0 = (int) Math.round(cy - s / 2.0);
        Mat crop = padded(bgr, new Rect(x0, y0, s, s));
        Mat look = new Mat();
        Imgproc.resize(crop, look, new Size(LOOK_SIDE, LOOK_SIDE), 0, 0, s > LOOK_SIDE ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        FaceDetectorYN det = looks.get();
        Mat found = new Mat();
        det.detect(look, found);
        double f = LOOK_SIDE / (double) s;
        Box expected = new Box((int) Math.round((c.x() - x0) * f), (int) Math.round((c.y() - y0) * f),
                (int) Math.max(1, Math.round(c.w() * f)), (int) Math.max(1, Math.round(c.h() * f)), 1);
        double best = 0;
        Box where = new Box(c.x(), c.y(), c.w(), c.h(), 0);
        float[] row = new float[15];
        for (int i = 0; i < found.rows(); i++) {
            found.get(i, 0, row);
            Box b = new Box(Math.round(row[0]), Math.round(row[1]), Math.max(1, Math.round(row[2])), Math.max(1, Math.round(row[3])), row[14]);
            if (b.iou(expected) >= 0.3 && row[14] > best) {
                best = row[14];
                where = new Box((int) Math.round(x0 + row[0] / f), (int) Math.round(y0 + row[1] / f),
                        (int) Math.max(1, Math.round(row[2] / f)), (int) Math.max(1, Math.round(row[3] / f)), best);
            }
        }
        crop.release();
        look.release();
        found.release();
        return where;
    }

    /** The part of {@code bgr} under {@code r}; what lies outside the photo is black, as YuNet was measured with. */
    private static Mat padded(Mat bgr, Rect r) {
        int x0 = Math.max(0, r.x), y0 = Math.max(0, r.y);
        int x1 = Math.min(bgr.cols(), r.x + r.width), y1 = Math.min(bgr.rows(), r.y + r.height);
        Mat out = new Mat();
        if (x1 <= x0 || y1 <= y0) return new Mat(r.height, r.width, bgr.type(), new Scalar(0, 0, 0));
        Mat inside = bgr.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
        Core.copyMakeBorder(inside, out, y0 - r.y, r.y + r.height - y1, x0 - r.x, r.x + r.width - x1, Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
        inside.release();
        return out;
    }

    @Override
    public String name() {
        return "yunet+second-look";
    }
}
