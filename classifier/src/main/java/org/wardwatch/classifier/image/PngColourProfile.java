package org.wardwatch.classifier.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Drops a PNG's embedded colour profile (its iCCP chunk) before OpenCV decodes it. OpenCV never applies
 * the profile, but libpng checks it and writes "libpng warning: iCCP: known incorrect sRGB profile"
 * straight to the process's standard error for the many web PNGs that carry a faulty one, in the middle
 * of classify-image's output and progress bar. The pixels decode the same without it.
 */
public final class PngColourProfile {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngColourProfile() {
    }

    /**
     * The same PNG without iCCP chunks; the very same array when the bytes are not a PNG, carry no
     * profile, or are malformed (the decoder then says what is wrong with them).
     */
    public static byte[] strip(byte[] bytes) {
        if (bytes.length < SIGNATURE.length || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) return bytes;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, SIGNATURE.length);
        boolean dropped = false;
        int at = SIGNATURE.length;
        while (at + 12 <= bytes.length) {
            long length = ((bytes[at] & 0xffL) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            long end = at + 12 + length; // length, type, data, CRC
            if (end > bytes.length) return bytes;
            boolean profile = bytes[at + 4] == 'i' && bytes[at + 5] == 'C' && bytes[at + 6] == 'C' && bytes[at + 7] == 'P';
            if (profile) dropped = true;
            else out.write(bytes, at, (int) (end - at));
            at = (int) end;
        }
        if (!dropped) return bytes;
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** An image file decoded by OpenCV ({@code Imgcodecs} flags), without libpng's profile warnings; empty when unreadable. */
    public static Mat read(Path file, int flags) {
        OpenCv.load();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Mat(); // as Imgcodecs.imread answers for a missing file
        }
        MatOfByte buffer = new MatOfByte(strip(bytes));
        Mat image = Imgcodecs.imdecode(buffer, flags);
        buffer.release();
        return image;
    }
}
