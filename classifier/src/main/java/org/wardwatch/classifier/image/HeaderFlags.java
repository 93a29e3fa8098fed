package org.wardwatch.classifier.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a PNG's or WebP's header says about its pixels before they are decoded: whether they carry
 * transparency (so they are decoded with their alpha and put on white), and whether a WebP is animated
 * (OpenCV's libwebp refuses those, printing a multi-line error to standard error).
 */
final class HeaderFlags {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int VP8X_ANIMATION = 0x02;
    private static final int VP8X_ALPHA = 0x10;

    private HeaderFlags() {
    }

    static boolean declaresAlpha(byte[] b) {
        if (isPng(b)) return pngAlpha(b);
        if (isWebp(b, "VP8X")) return (b[20] & VP8X_ALPHA) != 0;
        // a VP8L header's alpha_is_used bit follows the 14-bit width and height
        if (isWebp(b, "VP8L") && b.length > 24) return (b[24] & 0x10) != 0;
        return false;
    }

    static boolean animatedWebp(byte[] b) {
        return isWebp(b, "VP8X") && (b[20] & VP8X_ANIMATION) != 0;
    }

    /** Colour types 4 and 6 carry alpha; a tRNS chunk before the pixel data makes a palette or colour key transparent. */
    private static boolean pngAlpha(byte[] b) {
        if (b.length < 26) return false;
        int colourType = b[25] & 0xff;
        if (colourType == 4 || colourType == 6) return true;
        int at = PNG.length;
        while (at + 8 <= b.length) {
            long length = ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            if (length > b.length) return false; // malformed: the decoder will say so
            String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("tRNS")) return true;
            if (type.equals("IDAT") || type.equals("IEND")) return false;
            at += 12 + length;
        }
        return false;
    }

    private static boolean isPng(byte[] b) {
        return b.length >= PNG.length && Arrays.equals(b, 0, PNG.length, PNG, 0, PNG.length);
    }

    /** A RIFF WebP whose first chunk is {@code chunk}. */
    private static boolean isWebp(byte[] b, String chunk) {
        return b.length > 20 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P'
                && b[12] == chunk.charAt(0) && b[13] == chunk.charAt(1) && b[14] == chunk.charAt(2) && b[15] == chunk.charAt(3);
    }
}
