package org.wardwatch.classifier.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Pictures become the 8-bit BGR the analyzers take, transparent pixels shown on white. White is what a
 * platform's page shows behind a transparent sticker or logo; left as decoded, transparent pixels keep
 * whatever colour the encoder stored under them (usually black), which is not what anyone saw.
 */
final class WhiteBackground {
    private WhiteBackground() {
    }

    /** A new BGR Mat of the picture, which may be of any Java2D type. */
    static Mat bgr(BufferedImage picture) {
        int w = picture.getWidth(), h = picture.getHeight();
        BufferedImage flat = picture;
        if (picture.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            flat = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = flat.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(picture, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        // TYPE_3BYTE_BGR keeps its samples in OpenCV's own order, so they are copied as they are
        byte[] samples = ((DataBufferByte) flat.getRaster().getDataBuffer()).getData();
        Mat bgr = new Mat(h, w, CvType.CV_8UC3);
        bgr.put(0, 0, samples);
        return bgr;
    }

    /** A new BGR Mat of what OpenCV decoded unchanged: grey or with alpha, 8 or 16 bits. The input is left to its owner. */
    static Mat bgr(Mat decoded) {
        Mat eight = decoded;
        List<Mat> temporary = new ArrayList<>();
        try {
            if (decoded.depth() != CvType.CV_8U) {
                eight = new Mat();
                temporary.add(eight);
                // as IMREAD_COLOR reduces 16-bit samples
                decoded.convertTo(eight, CvType.CV_8U, 1 / 256.0);
            }
            Mat bgr = new Mat();
            try {
                switch (eight.channels()) {
                    case 1 -> Imgproc.cvtColor(eight, bgr, Imgproc.COLOR_GRAY2BGR);
                    case 3 -> eight.copyTo(bgr);
                    case 4 -> onWhite(eight, bgr, temporary);
                    default -> throw new IllegalStateException("OpenCV decoded " + eight.channels() + " channels");
                }
            } catch (RuntimeException e) {
                bgr.release();
                throw e;
            }
            return bgr;
        } finally {
            for (Mat m : temporary) m.release();
        }
    }

    /** out = colour * alpha + white * (1 - alpha), i.e. (colour - 255) * alpha + 255. */
    private static void onWhite(Mat bgra, Mat out, List<Mat> temporary) {
        List<Mat> channels = new ArrayList<>();
        Core.split(bgra, channels);
        temporary.addAll(channels);
        Mat alpha = new Mat(), alpha3 = new Mat(), colour = new Mat(), colourF = new Mat();
        temporary.addAll(List.of(alpha, alpha3, colour, colourF));
        channels.get(3).convertTo(alpha, CvType.CV_32F, 1 / 255.0);
        Core.merge(List.of(alpha, alpha, alpha), alpha3);
        Core.merge(channels.subList(0, 3), colour);
        colour.convertTo(colourF, CvType.CV_32F);
        Core.subtract(colourF, Scalar.all(255), colourF);
        Core.multiply(colourF, alpha3, colourF);
        Core.add(colourF, Scalar.all(255), colourF);
        colourF.convertTo(out, CvType.CV_8U);
    }
}
