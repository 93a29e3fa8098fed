package org.wardwatch.classifier.image;

import java.nio.file.Path;

import org.wardwatch.classifier.image.faces.FaceDetectors;
import org.wardwatch.core.testing.SharedData;

/** One analyzer per test JVM: loading the networks costs a second, and the analyzer is thread-safe. */
public final class TestImages {
    private static OpenCvImageAnalyzer analyzer;

    private TestImages() {
    }

    public static Path yunetModel() {
        return SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx");
    }

    public static synchronized OpenCvImageAnalyzer analyzer() {
        Path model = yunetModel();
        if (analyzer == null) {
            analyzer = ImageAnalyzers.withFaces(FaceDetectors.yunet(model), null);
        }
        return analyzer;
    }
}
