package org.wardwatch.classifier.image.faces;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.core.analysis.Box;

/** Shrinks large photos to a working size and maps boxes found there back to original pixels. */
public record Scaling(Mat image, double factor) {
    public static Scaling fit(Mat bgr, int maxSide) {
        int longer = Math.max(bgr.cols(), bgr.rows());
        if (longer <= maxSide) return new Scaling(bgr, 1.0);
        double f = (double) maxSide / longer;
        Mat small = new Mat();
        // a side that would round to nothing keeps one pixel: resize asserts on an empty size
        Imgproc.resize(bgr, small, new Size(Math.max(1, Math.round(bgr.cols() * f)), Math.max(1, Math.round(bgr.rows() * f))), 0, 0, Imgproc.INTER_AREA);
        return new Scaling(small, f);
    }

    /** A box in original pixels, in the working copy's pixels (at least one pixel a side). */
    public Box toWorking(Box b) {
        return new Box((int) (b.x() * factor), (int) (b.y() * factor), (int) Math.max(1, b.w() * factor), (int) Math.max(1, b.h() * factor),
                b.score());
    }

    /** A box in working pixels, mapped to the original and clipped to it. */
    public Box toOriginal(Box b, int origW, int origH) {
        return toOriginal(b.x(), b.y(), b.w(), b.h(), b.score(), origW, origH);
    }

    /** A box in working pixels, mapped to the original and clipped to it. */
    public Box toOriginal(double x, double y, double w, double h, double score, int origW, int origH) {
        double x0 = Math.max(0, x / factor), y0 = Math.max(0, y / factor);
        double x1 = Math.min(origW, (x + w) / factor), y1 = Math.min(origH, (y + h) / factor);
        return new Box((int) Math.round(x0), (int) Math.round(y0), (int) Math.max(0, Math.round(x1 - x0)),
                (int) Math.max(0, Math.round(y1 - y0)), Math.max(0, Math.min(1, score)));
    }
}
