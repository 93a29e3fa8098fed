package org.wardwatch.classifier.image.faces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.core.analysis.Box;

/**
 * The fallback that needs no download: OpenCV's Haar frontal-face and LBP profile cascades, shipped as
 * resources in the bytedeco OpenCV jar. Profiles are searched in the image and its mirror, since the
 * cascade only knows one side. Weaker than YuNet on small and turned faces (see the evaluation).
 */
public final class CascadeFaceDetector implements FaceDetector {
    private static final String BASE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

    private final ThreadLocal<CascadeClassifier> frontal;
    private final ThreadLocal<CascadeClassifier> profile;
    private final int maxSide;

    public CascadeFaceDetector(int maxSide) {
        OpenCv.load();
        this.maxSide = maxSide;
        Path frontalFile = extract("haarcascades/haarcascade_frontalface_default.xml");
        Path profileFile = extract("lbpcascades/lbpcascade_profileface.xml");
        this.frontal = ThreadLocal.withInitial(() -> new CascadeClassifier(frontalFile.toString()));
        this.profile = ThreadLocal.withInitial(() -> new CascadeClassifier(profileFile.toString()));
        if (frontal.get().empty() || profile.get().empty()) throw new IllegalStateException("cascade files failed to load");
    }

    /** The cascade XML from the classpath, copied once to a temporary file (OpenCV reads only files). */
    public static Path extract(String relative) {
        try (InputStream in = CascadeFaceDetector.class.getResourceAsStream(BASE + relative)) {
            if (in == null) throw new IllegalStateException("missing cascade resource " + relative + " (bytedeco opencv jar)");
            Path tmp = Files.createTempFile("wardwatch-", "-" + Path.of(relative).getFileName());
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Box> detect(Mat bgr) {
        Scaling s = Scaling.fit(bgr, maxSide);
        Mat gray = new Mat();
        Imgproc.cvtColor(s.image(), gray, Imgproc.COLOR_BGR2GRAY);
        Imgproc.equalizeHist(gray, gray);
        List<Box> found = new ArrayList<>();
        collect(frontal.get(), gray, 5, s, bgr, found, false);
        collect(profile.get(), gray, 4, s, bgr, found, false);
        Mat mirrored = new Mat();
        Core.flip(gray, mirrored, 1);
        collect(profile.get(), mirrored, 4, s, bgr, found, true);
        gray.release();
        mirrored.release();
        if (s.image() != bgr) s.image().release();
        return Boxes.nonMaxSuppress(found, 0.3);
    }

    private static void collect(CascadeClassifier c, Mat gray, int minNeighbors, Scaling s, Mat original, List<Box> out, boolean mirrored) {
        MatOfRect rects = new MatOfRect();
        MatOfInt levels = new MatOfInt();
        c.detectMultiScale2(gray, rects, levels, 1.1, minNeighbors, 0, new Size(20, 20), new Size());
        Rect[] rs = rects.toArray();
        int[] ns = rs.length == 0 || levels.empty() ? new int[0] : levels.toArray();
        for (int i = 0; i < rs.length; i++) {
            Rect r = rs[i];
            int x = mirrored ? gray.cols() - r.x - r.width : r.x;
            // neighbour count as a rough confidence: 5 neighbours is the acceptance line, 20 is sure
            double score = Math.min(1.0, 0.5 + 0.5 * Math.min(1.0, (ns.length > i ? ns[i] : minNeighbors) / 20.0));
            out.add(s.toOriginal(x, r.y, r.width, r.height, score, original.cols(), original.rows()));
        }
    }

    @Override
    public String name() {
        return "cascades";
    }
}
