package org.wardwatch.classifier.image.people;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
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
 * emoji, still has a body, shoulders and bare arms. The cues merged: the faces already found (each
 * implies a head-and-shoulders box), OpenCV's HOG pedestrian detector (standing bodies), the Haar
 * upper-body cascade (off by default), large smooth regions of skin, and faces hidden under a sticker
 * ({@link CoveredFaces}). Each detector object is per thread.
 */
public final class PeopleDetector {
    private final ThreadLocal<HOGDescriptor> hog;
    private final ThreadLocal<CascadeClassifier> upperBody;
    private final Settings settings;
    private final CoveredFaces covered = new CoveredFaces();

    /**
     * Tuned on the people sets against negatives/ (see the classifier README). The upper-body cascade
     * is off by default: measured here it added no person the faces had not found, fired on 3% of
     * photos without people, and cost more time than YuNet itself. HOG needs an SVM margin of 1.2:
     * every standing body it found in the people sets scored more, an ice lolly scored 1.05.
     * {@code skinRegionMaxEdges} is the share of edge pixels a skin region may have: bare skin is
     * smooth (at most 0.11 in skin/ portraits, 0.19 at most on faces-wider/), fur and patterned fabric
     * in skin tones are not (a Persian cat 0.18, a quilt 0.31). {@code skinRegionMinFrameRun}: a skin
     * region must run off the photo along at least this share of its shorter side (see {@link #skinRegions}).
     * {@code hogWithFaces} is off: HOG is there for people whose face is not visible, and once a face
     * is found the photo's PERSON finding holds without it. Measured on faces/, faces-wider/ and skin/,
     * HOG found a body in none of the photos without a face (so PERSON recall is the same without it)
     * and cost about 35 ms a photo, a third of the budget; what it gave on photos with faces was extra
     * boxes round the bodies of the same crowds (see IMAGES.md).
     */
    public record Settings(int hogSide, double hogHitThreshold, double hogMinScore, int upperBodySide, int upperBodyNeighbours,
                           double skinRegionMinFraction, double skinRegionMaxEdges, double skinRegionMinFrameRun, boolean useHog,
                           boolean hogWithFaces, boolean useUpperBody, boolean useSkin) {
        public static final Settings DEFAULT = new Settings(640, 0.0, 1.2, 480, 6, 0.30, 0.15, 0.05, true, false, false, true);

        public Settings withHogWithFaces(boolean on) {
            return new Settings(hogSide, hogHitThreshold, hogMinScore, upperBodySide, upperBodyNeighbours, skinRegionMinFraction,
                    skinRegionMaxEdges, skinRegionMinFrameRun, useHog, on, useUpperBody, useSkin);
        }

        public Settings withSkinRegionMinFrameRun(double run) {
            return new Settings(hogSide, hogHitThreshold, hogMinScore, upperBodySide, upperBodyNeighbours, skinRegionMinFraction,
                    skinRegionMaxEdges, run, useHog, hogWithFaces, useUpperBody, useSkin);
        }
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
     * The cues read off the full-size photo: the faces already found (original pixels) and HOG bodies,
     * looked for only when no face was found unless the settings say otherwise. The skin cues come
     * from {@link #onSkinCopy}, which works on the small copy the skin mask is made on.
     */
    public List<Box> detect(Mat bgr, List<Box> faces) {
        List<Box> people = new ArrayList<>();
        for (Box f : faces) people.add(fromFace(f, bgr.cols(), bgr.rows()));
        if (settings.useHog() && (faces.isEmpty() || settings.hogWithFaces())) people.addAll(hogPeople(bgr));
        if (settings.useUpperBody()) people.addAll(upperBodies(bgr));
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

    /**
     * The cues read off the small working copy the skin mask was made on: smooth skin regions, and
     * faces hidden under a sticker (each implies a head-and-shoulders box). Boxes in the copy's pixels.
     */
    public List<Box> onSkinCopy(Mat bgr, Mat skinMask) {
        List<Box> found = new ArrayList<>(skinRegions(skinMask, bgr));
        for (Box hidden : covered.find(bgr, skinMask)) found.add(fromFace(hidden, bgr.cols(), bgr.rows()));
        return found;
    }

    /**
     * Connected, smooth skin regions covering at least the configured fraction of the photo that run
     * off its edge: arms, torsos, shoulders, close-ups. Bare skin this large with no face in it is a
     * close-up of part of a body, and a close-up crops the body at the frame, so the skin runs off the
     * photo; an animal or object shown whole sits inside it. Measured with the faces left out of the
     * skin model, the regions of the people sets that pass the texture test run off the frame along at
     * least 0.15 of the photo's shorter side, except three heads wholly in frame (their faces are
     * found); a ginger guinea pig's smooth fur, which passes every colour and texture test, does not
     * touch the edge at all.
     *
     * @param skinMask 255 where skin
     * @param bgr      the photo at the mask's size, for the texture test
     */
    public List<Box> skinRegions(Mat skinMask, Mat bgr) {
        if (!settings.useSkin()) return List.of();
        List<Box> out = new ArrayList<>();
        double total = skinMask.total();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat copy = skinMask.clone();
        Imgproc.findContours(copy, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        copy.release();
        Mat edges = null;
        for (MatOfPoint c : contours) {
            double area = Imgproc.contourArea(c);
            if (area / total < settings.skinRegionMinFraction()) continue;
            Rect r = Imgproc.boundingRect(c);
            // a solid blob, not a lacework of skin-coloured texture (sand, wood grain)
            double solidity = area / Math.max(1.0, (double) r.width * r.height);
            if (solidity < 0.35) continue;
            if (edges == null) edges = edges(bgr);
            Mat region = region(skinMask, c);
            boolean person = edgeShare(edges, region) <= settings.skinRegionMaxEdges()
                    && frameRun(region) >= settings.skinRegionMinFrameRun();
            region.release();
            if (person) out.add(new Box(r.x, r.y, r.width, r.height, Math.min(1.0, 0.5 + area / total)));
        }
        if (edges != null) edges.release();
        return out;
    }

    private static Mat edges(Mat bgr) {
        Mat gray = new Mat();
        Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
        Mat edges = new Mat();
        Imgproc.Canny(gray, edges, 60, 150);
        gray.release();
        return edges;
    }

    /** The skin pixels inside one contour, 255. */
    private static Mat region(Mat skinMask, MatOfPoint contour) {
        Mat region = Mat.zeros(skinMask.size(), skinMask.type());
        Imgproc.drawContours(region, List.of(contour), 0, new org.opencv.core.Scalar(255), -1);
        Core.bitwise_and(region, skinMask, region);
        return region;
    }

    /** The share of edge pixels among a region's pixels. */
    private static double edgeShare(Mat edges, Mat region) {
        return Core.mean(edges, region).val[0] / 255.0;
    }

    /**
     * How far a region runs off the photo: its longest stretch along one edge of the frame (the
     * outermost row or column), as a share of the photo's shorter side.
     */
    static double frameRun(Mat region) {
        int w = region.cols(), h = region.rows();
        int longest = Math.max(Math.max(Core.countNonZero(region.row(0)), Core.countNonZero(region.row(h - 1))),
                Math.max(Core.countNonZero(region.col(0)), Core.countNonZero(region.col(w - 1))));
        return longest / (double) Math.min(w, h);
    }
}
