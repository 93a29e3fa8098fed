package org.wardwatch.dashboard.review;

import java.io.IOException;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.classifier.image.DecodedImage;
import org.wardwatch.classifier.image.ImageDecoder;

/**
 * The picture a reveal shows: the stored original decoded by the classifier's {@link ImageDecoder}
 * (which refuses pixel bombs from the header, before decoding), scaled down to a bounded size and
 * written anew as a JPEG. The stored bytes themselves never reach a browser: whatever else they carry
 * (EXIF location, a second payload, a file crafted to upset a browser's decoder) is left behind.
 */
public final class Reencoder implements Images.Reencode {
    private final ImageDecoder decoder;

    public Reencoder(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public byte[] jpeg(byte[] original, int maxSide) throws IOException {
        DecodedImage picture;
        try {
            picture = decoder.decode(original, "image");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        Mat bgr = picture.bgr(), scaled = new Mat();
        MatOfByte buf = new MatOfByte();
        MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90);
        try {
            double f = Math.min(1.0, (double) maxSide / Math.max(bgr.cols(), bgr.rows()));
            Size size = new Size(Math.max(1, Math.round(bgr.cols() * f)), Math.max(1, Math.round(bgr.rows() * f)));
            Imgproc.resize(bgr, scaled, size, 0, 0, Imgproc.INTER_AREA);
            if (!Imgcodecs.imencode(".jpg", scaled, buf, quality)) throw new IOException("image: could not be encoded as JPEG");
            return buf.toArray();
        } finally {
            bgr.release();
            scaled.release();
            buf.release();
            quality.release();
        }
    }
}
