package org.wardwatch.classifier.image;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The rendition the dashboard and reports show instead of the original: the whole image shrunk to a
 * coarse grid and blurred, so no face, tattoo or name is recoverable, yet the scene stays
 * recognisable enough to review. Blurring only the detected faces is not enough (DESIGN.md: a missed
 * face, a tattoo or a whiteboard stays readable), so everything is blurred. Thread-safe.
 */
public final class Redactor {
    /** The blurred picture keeps at most this many cells along its longer side: even a face that fills the photo becomes a few cells, which a face detector cannot read. */
    private static final int GRID = 8;
    private static final int OUTPUT_SIDE = 480;

    private final ImageDecoder decoder;

    public Redactor() {
        this(new ImageDecoder());
    }

    public Redactor(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * The rendition of an image in any format the decoder reads; of an animation, its first frame.
     *
     * @throws IllegalArgumentException when the bytes are not a usable image
     */
    public byte[] blurredJpeg(byte[] image) {
        return blurredJpeg(image, OUTPUT_SIDE);
    }

    /** As {@link #blurredJpeg(byte[])}, at most {@code maxSide} pixels on the longer side. */
    public byte[] blurredJpeg(byte[] image, int maxSide) {
        Mat bgr = decoder.decode(image, "image").bgr();
        try {
            return blurredJpeg(bgr, maxSide);
        } finally {
            bgr.release();
        }
    }

    public byte[] blurredJpeg(Mat bgr, int maxSide) {
        int longer = Math.max(bgr.cols(), bgr.rows());
        double out = Math.min(1.0, (double) Math.max(16, maxSide) / longer);
        int ow = Math.max(1, (int) Math.round(bgr.cols() * out)), oh = Math.max(1, (int) Math.round(bgr.rows() * out));
        double g = (double) GRID / longer;
        Mat tiny = new Mat(), big = new Mat();
        MatOfByte buf = new MatOfByte();
        MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 80);
        try {
            // INTER_AREA averages every pixel of a cell: detail is destroyed, not just hidden under a filter
            Imgproc.resize(bgr, tiny, new Size(Math.max(1, Math.round(bgr.cols() * g)), Math.max(1, Math.round(bgr.rows() * g))), 0, 0, Imgproc.INTER_AREA);
            Imgproc.resize(tiny, big, new Size(ow, oh), 0, 0, Imgproc.INTER_LINEAR);
            int k = (Math.max(ow, oh) / GRID) | 1;
            Imgproc.GaussianBlur(big, big, new Size(k, k), 0);
            Imgcodecs.imencode(".jpg", big, buf, quality);
            return buf.toArray();
        } finally {
            tiny.release();
            big.release();
            buf.release();
            quality.release();
        }
    }
}
