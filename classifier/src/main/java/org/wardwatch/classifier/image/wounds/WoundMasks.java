package org.wardwatch.classifier.image.wounds;

import java.io.IOException;
import java.nio.file.Path;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Reads a wound mask as 255 = wound, 0 = not. FUSeg masks are 0/255 but Medetec masks are 0/1, so any
 * non-zero value is wound (an earlier threshold at 127 read every Medetec mask as empty).
 */
public final class WoundMasks {
    private WoundMasks() {
    }

    public static Mat read(Path file) throws IOException {
        Mat gray = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_GRAYSCALE);
        if (gray.empty()) throw new IOException(file + ": unreadable mask");
        Mat mask = new Mat();
        Imgproc.threshold(gray, mask, 0, 255, Imgproc.THRESH_BINARY);
        gray.release();
        return mask;
    }
}
