package org.wardwatch.classifier.image.faces;

import java.util.List;

import org.opencv.core.Mat;
import org.wardwatch.core.analysis.Box;

/** Finds faces in a BGR image; boxes are in that image's pixels. Implementations are thread-safe. */
public interface FaceDetector {
    List<Box> detect(Mat bgr);

    /** For messages and the evaluation report. */
    String name();
}
