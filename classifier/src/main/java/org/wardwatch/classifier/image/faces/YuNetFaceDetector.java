package org.wardwatch.classifier.image.faces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.objdetect.FaceDetectorYN;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.core.analysis.Box;

/**
 * OpenCV's YuNet (FaceDetectorYN). OpenCV's detector object is not thread-safe, so each thread gets its
 * own (they share nothing but the model file). Photos larger than {@code maxSide} are shrunk first:
 * the published baseline is measured at 1024 pixels, and larger inputs cost time without finding the
 * faces that matter (a face too small to see at 1024 pixels rarely identifies anyone).
 */
public final class YuNetFaceDetector implements FaceDetector {
    private final ThreadLocal<FaceDetectorYN> detectors;
    private final float scoreThreshold;
    private final int maxSide;

    public YuNetFaceDetector(Path model, float scoreThreshold, int maxSide) {
        OpenCv.load();
        this.scoreThreshold = scoreThreshold;
        this.maxSide = maxSide;
        String file = model.toAbsolutePath().toString();
        FaceDetectorYN probe = FaceDetectorYN.create(file, "", new Size(320, 320), scoreThreshold, 0.3f, 5000);
        if (probe == null) throw new IllegalArgumentException(model + ": not a loadable YuNet ONNX model");
        this.detectors = ThreadLocal.withInitial(() -> FaceDetectorYN.create(file, "", new Size(320, 320), scoreThreshold, 0.3f, 5000));
    }

    @Override
    public List<Box> detect(Mat bgr) {
        return detectWithLandmarks(bgr).stream().map(YuNetFace::box).toList();
    }

    /** Faces with YuNet's five landmarks (eyes, nose tip, mouth corners) in original pixels. */
    public List<YuNetFace> detectWithLandmarks(Mat bgr) {
        Scaling s = Scaling.fit(bgr, maxSide);
        FaceDetectorYN det = detectors.get();
        det.setInputSize(new Size(s.image().cols(), s.image().rows()));
        Mat out = new Mat();
        det.detect(s.image(), out);
        List<YuNetFace> faces = new ArrayList<>(out.rows());
        float[] row = new float[15];
        for (int i = 0; i < out.rows(); i++) {
            out.get(i, 0, row);
            Box box = s.toOriginal(row[0], row[1], row[2], row[3], row[14], bgr.cols(), bgr.rows());
            if (box.w() < 2 || box.h() < 2) continue;
            float[] lm = new float[10];
            for (int k = 0; k < 10; k++) lm[k] = (float) (row[4 + k] / s.factor());
            faces.add(new YuNetFace(box, lm));
        }
        out.release();
        if (s.image() != bgr) s.image().release();
        return faces;
    }

    @Override
    public String name() {
        return "yunet@" + scoreThreshold;
    }

    /** A YuNet detection: box and landmarks (x,y pairs: right eye, left eye, nose, right and left mouth corner). */
    public record YuNetFace(Box box, float[] landmarks) {
    }
}
