package org.wardwatch.classifier.image.people;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;
import org.opencv.objdetect.HOGDescriptor;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.classifier.image.faces.Boxes;
import org.wardwatch.classifier.image.faces.CascadeFaceDetector;
import org.wardwatch.classifier.image.faces.Scaling;
import org.wardwatch.core.analysis.Box;

/**
 * Whole or partial people, not only faces: a person seen from behind, or with the face hidden under an
 * emoji, still has a body, shoulders and bare arms. Four cues are merged: the faces already found
 * (each implies a head-and-shoulders box), OpenCV's HOG pedestrian detector (standing bodies), the
 * Haar upper-body cascade, and large regions of skin. Each detector object is per thread.
 */
public final class PeopleDetector {
    private final ThreadLocal<HOGDescriptor> hog;
    private final ThreadLocal<CascadeClassifier> upperBody;
    private final Settings settings;

    /**
     * Tuned on the people sets against negatives/ (see the classifier README). The upper-body cascade
     * is off by default: measured here it added no person the faces had not found, fired on 3% of
     * photos without people, and cost more time than YuNet itself.
     */
    public record Settings(int hogSide, double hogHitThreshold, double hogMinScore, int upperBodySide, int upperBodyNeighbours,
                           double skinRegionMinFraction, boolean useHog, boolean useUpperBody, boolean useSkin) {
        public static final Settings DEFAULT = new Settings(640, 0.0, 1.0, 480, 6, 0.30, true, false, true);
    }

    public PeopleDetector(Settings settings) {
        OpenCv.load();
        this.settings = settings;
        this.hog = ThreadLocal.withInitial(() -> {
            HOGDescriptor h = new HOGDescriptor();
            h.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
            return h;
        });
        String upper = CascadeFaceDetector.extract("haarcascades/haarcascade_upperbody.xml").toString();
        this.upperBody = ThreadLocal.withInitial(() -> new CascadeClassifier(upper));
    }

    public PeopleDetector() {
        this(Settings.DEFAULT);
    }

    /**
     * @param faces    faces already found in this image (original pixels)
     * @param skinMask 255 where skin, at the size of {@code bgr}; may be null
     */
    public List<Box> detect(Mat bgr, List<Box> faces, Mat skinMask) {
        List<Box> people = new ArrayList<>();
        for (Box f : faces) people.add(fromFace(f, bgr.cols(), bgr.rows()));
        if (settings.useHog()) people.addAll(hogPeople(bgr));
        if (settings.useUpperBody()) people.addAll(upperBodies(bgr));
        if (settings.useSkin() && skinMask != null) people.addAll(skinRegions(skinMask));
        return Boxes.nonMaxSuppress(people, 0.4);
    }

    /** A face implies a person: head and shoulders, about three face widths wide and four high. */
    static Box fromFace(Box f, int w, int h) {
        int x0 = Math.max(0, f.x() - f.w()), y0 = Math.max(0, f.y() - f.h() / 2);
        int x1 = Math.min(w, f.x() + 2 * f.w()), y1 = Math.min(h, f.y() + 4 * f.h());
        return new Box(x0, y0, x1 - x0, y1 - y0, f.score());
    }

    /** The default people detector's window: 64 by 128 pixels. */
    static final int HOG_WINDOW_WIDTH = 64;
    static final int HOG_WINDOW_HEIGHT = 128;

    List<Box> hogPeople(Mat bgr) {
        Scaling s = Scaling.fit(bgr, settings.hogSide());
        if (s.image().cols() < HOG_WINDOW_WIDTH || s.image().rows() < HOG_WINDOW_HEIGHT) {
            // OpenCV's HOG crashes the process (SIGSEGV) on an image smaller than its window;
            // a thumbnail that small cannot show a standing person anyway
            if (s.image() != bgr) s.image().release();
            return List.of();
        }
        Mat gray = new Mat();
        Imgproc.cvtColor(s.image(), gray, Imgproc.COLOR_BGR2GRAY);
        MatOfRect rects = new MatOfRect();
        MatOfDouble weights = new MatOfDouble();
        hog.get().detectMultiScale(gray, rects, weights, settings.hogHitThreshold(), new Size(8, 8), new Size(8, 8), 1.08, 2.0, false);
        Rect[] rs = rects.toArray();
        double[] ws = rs.length == 0 || weights.empty() ? new double[0] : weights.toArray();
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < rs.length; i++) {
            double weight = i < ws.length ? ws[i] : 0;
            if (weight < settings.hogMinScore()) continue;
            double score = 1 - Math.exp(-weight); // SVM margin to 0..1
            out.add(s.toOriginal(rs[i].x, rs[i].y, rs[i].width, rs[i].height, score, bgr.cols(), bgr.rows()));
        }
        gray.release();
        if (s.image() != bgr) s.image().release();
        return out;
    }

    List<Box> upperBodies(Mat bgr) {
        Scaling s = Scaling.fit(bgr, settings.upperBodySide());
        Mat gray = new Mat();
        Imgproc.cvtColor(s.image(), gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.equalizeHist(gray, gray);
        MatOfRect rects = new MatOfRect();
        MatOfInt levels = new MatOfInt();
        upperBody.get().detectMultiScale2(gray, rects, levels, 1.1, settings.upperBodyNeighbours(), 0, new Size(40, 40), new Size());
        List<Box> out = new ArrayList<>();
        Rect[] rs = rects.toArray();
        int[] ns = rs.length == 0 || levels.empty() ? new int[0] : levels.toArray();
        for (int i = 0; i < rs.length; i++) {
            double score = Math.min(1.0, 0.5 + 0.5 * Math.min(1.0, (i < ns.length ? ns[i] : 0) / 30.0));
            out.add(s.toOriginal(rs[i].x, rs[i].y, rs[i].width, rs[i].height, score, bgr.cols(), bgr.rows()));
        }
        gray.release();
        if (s.image() != bgr) s.image().release();
        return out;
    }

    /** Connected skin regions covering at least the configured fraction of the photo: arms, torsos, close-ups. */
    public List<Box> skinRegions(Mat skinMask) {
        if (!settings.useSkin()) return List.of();
        List<Box> out = new ArrayList<>();
        double total = skinMask.total();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat copy = skinMask.clone();
        Imgproc.findContours(copy, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        copy.release();
        for (MatOfPoint c : contours) {
            double area = Imgproc.contourArea(c);
            if (area / total < settings.skinRegionMinFraction()) continue;
            Rect r = Imgproc.boundingRect(c);
            // a solid blob, not a lacework of skin-coloured texture (sand, wood grain)
            double solidity = area / Math.max(1.0, (double) r.width * r.height);
            if (solidity < 0.35) continue;
            out.add(new Box(r.x, r.y, r.width, r.height, Math.min(1.0, 0.5 + area / total)));
        }
        return out;
    }
}
