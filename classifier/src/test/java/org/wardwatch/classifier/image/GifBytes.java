package org.wardwatch.classifier.image;

import java.io.ByteArrayOutputStream;

/**
 * GIFs written byte by byte, so a test decides what encoders never write: where a frame sits, how it is
 * disposed of, which colour is transparent, and sizes no real picture declares. Every GIF has the same four
 * colours; pixels are stored with a clear code before each, so the data is valid LZW of any length.
 */
final class GifBytes {
    static final int RED = 0, GREEN = 1, BLUE = 2, BLACK = 3;
    static final int KEEP = 1, CLEAR_TO_BACKGROUND = 2, RESTORE_PREVIOUS = 3;
    static final int OPAQUE = -1;
    /** The four colours as OpenCV's B, G, R. */
    static final double[][] BGR = {{0, 0, 255}, {0, 255, 0}, {255, 0, 0}, {0, 0, 0}};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    GifBytes(int screenWidth, int screenHeight) {
        out.writeBytes("GIF89a".getBytes());
        short16(screenWidth);
        short16(screenHeight);
        out.write(0x81); // a global colour table of 2^(1+1) entries
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0});
    }

    /** A frame of one colour, {@code transparent} a colour index or {@link #OPAQUE}. */
    GifBytes frame(int x, int y, int w, int h, int disposal, int transparent, int colour) {
        return frame(x, y, w, h, disposal, transparent, colour, (long) w * h);
    }

    /** A frame whose descriptor says {@code w} x {@code h} but whose data holds only {@code pixels} pixels. */
    GifBytes frame(int x, int y, int w, int h, int disposal, int transparent, int colour, long pixels) {
        out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, (byte) (disposal << 2 | (transparent >= 0 ? 1 : 0)), 10, 0,
                (byte) Math.max(0, transparent), 0});
        out.write(0x2C);
        short16(x);
        short16(y);
        short16(w);
        short16(h);
        out.write(0);
        out.write(2); // LZW minimum code size: codes of 3 bits, 4 = clear, 5 = end
        Bits bits = new Bits();
        for (long i = 0; i < pixels; i++) {
            bits.add(4);
            bits.add(colour);
        }
        bits.add(5);
        byte[] data = bits.bytes();
        for (int at = 0; at < data.length; at += 255) {
            int n = Math.min(255, data.length - at);
            out.write(n);
            out.write(data, at, n);
        }
        out.write(0);
        return this;
    }

    byte[] bytes() {
        out.write(0x3B);
        return out.toByteArray();
    }

    private void short16(int v) {
        out.write(v & 0xff);
        out.write(v >> 8 & 0xff);
    }

    /** Codes of 3 bits, packed from the least significant bit as GIF's LZW wants. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int acc, count;

        void add(int code) {
            acc |= code << count;
            count += 3;
            while (count >= 8) {
                bytes.write(acc & 0xff);
                acc >>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) bytes.write(acc & 0xff);
            return bytes.toByteArray();
        }
    }
}
