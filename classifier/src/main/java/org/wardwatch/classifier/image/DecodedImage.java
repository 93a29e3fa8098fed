package org.wardwatch.classifier.image;

import org.opencv.core.Mat;

/** A decoded image as 8-bit BGR pixels, in the orientation a viewer shows (EXIF rotation applied). */
public record DecodedImage(Mat bgr) {
    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }
}
