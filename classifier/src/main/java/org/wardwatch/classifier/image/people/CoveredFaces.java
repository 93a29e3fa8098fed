package org.wardwatch.classifier.image.people;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.faces.Boxes;
import org.wardwatch.classifier.image.faces.Scaling;
import org.wardwatch.core.analysis.Box;

/**
 * Faces hidden under an emoji sticker. The sticker hides the face from every face detector, yet the
 * photo still shows the person: hair, ears, neck and shoulders around a vivid, flat, round disc. A
 * candidate is a connected region of one vivid colour (its drawn eyes and mouth filled in), nearly
 * circular, of a head's size, with skin in a ring around it. The ring test is what keeps lemons,
 * clocks and balls quiet: they rarely sit among skin.
 */
public final class CoveredFaces {
    /** Vivid: saturation and brightness at least these (OpenCV's 0-255 HSV scale); hair and skin are duller. */
    private static final int MIN_SATURATION = 120;
    private static final int MIN_VALUE = 160;

    /** The working copy's longer side. */
    private static final int WORK_SIDE = 256;
    /** The smallest sticker looked for, as a share of the photo's shorter side. */
    private static final double MIN_DIAMETER = 0.04;

    private final double minRingSkin;

    public CoveredFaces(double minRingSkin) {
        this.minRingSkin = minRingSkin;
    }

    /**
     * 8% skin around the disc: measured with stickers drawn over the faces in skin/, 26 of 32 portraits
     * have more, and no photo in negatives/ has a vivid disc at all.
     */
    public CoveredFaces() {
        this(0.08);
    }

    /**
     * @param bgr      the photo (a working copy of at most a few hundred pixels is enough)
     * @param skinMask 255 where skin, same size
     * @return discs that cover a face, in {@code bgr}'s pixels; score is the share of skin around them
     */
    public List<Box> find(Mat photo, Mat photoSkinMask) {
        // a sticker is a large flat shape: a small copy shows it as well, at a quarter of the cost
        Scaling s = Scaling.fit(photo, WORK_SIDE);
        Mat bgr = s.image(), skinMask = photoSkinMask;
        if (bgr != photo) {
            skinMask = new Mat();
            Imgproc.resize(photoSkinMask, skinMask, bgr.size(), 0, 0, Imgproc.INTER_NEAREST);
        }
        Mat hsv = new Mat();
        Imgproc.cvtColor(bgr, hsv, Imgproc.COLOR_BGR2HSV);
        Mat vivid = new Mat();
        Core.inRange(hsv, new Scalar(0, MIN_SATURATION, MIN_VALUE), new Scalar(180, 255, 255), vivid);
        List<Box> found = new ArrayList<>();
        double smallest = Math.PI * Math.pow(MIN_DIAMETER / 2 * Math.min(bgr.cols(), bgr.rows()), 2);
        if (Core.countNonZero(vivid) >= smallest) {
            List<Mat> channels = new ArrayList<>();
            Core.split(hsv, channels);
            Mat hue = channels.get(0);
            // overlapping bands, so a sticker whose hue sits on a band's edge is whole in the next one
            for (int h = 0; h < 180; h += 8) {
                Mat band = new Mat();
                Core.inRange(hue, new Scalar(h), new Scalar(h + 15), band);
                Core.bitwise_and(band, vivid, band);
                if (Core.countNonZero(band) >= smallest) collect(band, skinMask, found);
                band.release();
            }
            channels.forEach(Mat::release);
        }
        hsv.release();
        vivid.release();
        if (bgr != photo) {
            bgr.release();
            skinMask.release();
        }
        return Boxes.nonMaxSuppress(found, 0.5).stream()
                .map(b -> s.toOriginal(b, photo.cols(), photo.rows())).toList();
    }

    private void collect(Mat band, Mat skinMask, List<Box> found) {
        // the drawn eyes and mouth are holes; closing fills the thin ones, the contour fill the rest
        Imgproc.morphologyEx(band, band, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(band, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        for (MatOfPoint c : contours) {
            Box disc = disc(c, band.size());
            if (disc == null) continue;
            double ring = ringSkin(skinMask, c, disc);
            if (ring >= minRingSkin) found.add(new Box(disc.x(), disc.y(), disc.w(), disc.h(), Math.min(1, 0.5 + ring)));
        }
    }

    /**
     * The contour's box when it is a filled, nearly round shape of a head's size; otherwise null. A
     * sticker on a close-up may run off the edge, so the circle is measured only inside the photo.
     */
    private static Box disc(MatOfPoint contour, Size image) {
        double area = Imgproc.contourArea(contour);
        int shorter = (int) Math.min(image.width, image.height);
        if (area < Math.PI * Math.pow(MIN_DIAMETER / 2 * shorter, 2)) return null;
        MatOfPoint2f points = new MatOfPoint2f(contour.toArray());
        Point centre = new Point();
        float[] radius = new float[1];
        Imgproc.minEnclosingCircle(points, centre, radius);
        if (2 * radius[0] > 1.2 * shorter) return null;
        Mat circle = Mat.zeros(image, CvType.CV_8UC1);
        Imgproc.circle(circle, centre, Math.round(radius[0]), new Scalar(255), -1);
        double visibleCircle = Core.countNonZero(circle);
        circle.release();
        double fill = area / Math.max(1, visibleCircle);
        MatOfInt hull = new MatOfInt();
        Imgproc.convexHull(contour, hull);
        Point[] pts = contour.toArray();
        int[] idx = hull.toArray();
        Point[] hullPts = new Point[idx.length];
        for (int i = 0; i < idx.length; i++) hullPts[i] = pts[idx[i]];
        double solidity = area / Math.max(1, Imgproc.contourArea(new MatOfPoint(hullPts)));
        if (fill < 0.8 || solidity < 0.92) return null;
        Rect r = Imgproc.boundingRect(contour);
        return new Box(r.x, r.y, r.width, r.height, 1);
    }

    /** The share of skin in a ring from the disc's edge out to half its radius again. */
    private static double ringSkin(Mat skinMask, MatOfPoint contour, Box disc) {
        Mat inside = Mat.zeros(skinMask.size(), CvType.CV_8UC1);
        Imgproc.drawContours(inside, List.of(contour), 0, new Scalar(255), -1);
        Mat grown = new Mat();
        int k = Math.max(3, Math.max(disc.w(), disc.h()) / 2) | 1;
        Imgproc.dilate(inside, grown, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(k, k)));
        Core.subtract(grown, inside, grown);
        double share = Core.countNonZero(grown) == 0 ? 0 : Core.mean(skinMask, grown).val[0] / 255.0;
        inside.release();
        grown.release();
        return share;
    }
}
