package org.wardwatch.classifier.image.exif;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Test helper: puts an EXIF block with a GPS position and a camera make into a JPEG, as a phone would. */
public final class ExifJpeg {
    private ExifJpeg() {
    }

    public static byte[] withGps(byte[] jpeg, double lat, double lon) {
        ByteBuffer tiff = ByteBuffer.allocate(128 + 16); // big-endian, like many cameras
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0: Make (inline "Cam\0"), GPS IFD pointer
        tiff.putShort((short) 2);
        entry(tiff, 0x010F, 2, 4, ByteBuffer.wrap(new byte[] {'C', 'a', 'm', 0}).getInt());
        entry(tiff, 0x8825, 4, 1, 38);
        tiff.putInt(0);
        // GPS IFD at 38
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, (lat >= 0 ? 'N' : 'S') << 24);
        entry(tiff, 0x0002, 5, 3, 92);
        entry(tiff, 0x0003, 2, 2, (lon >= 0 ? 'E' : 'W') << 24);
        entry(tiff, 0x0004, 5, 3, 116);
        tiff.putInt(0);
        dms(tiff, Math.abs(lat));
        dms(tiff, Math.abs(lon));
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        int length = 2 + 6 + tiffBytes.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiffBytes);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void dms(ByteBuffer b, double v) {
        int deg = (int) v;
        double m = (v - deg) * 60;
        int min = (int) m;
        long sec100 = Math.round((m - min) * 60 * 100);
        b.putInt(deg).putInt(1).putInt(min).putInt(1).putInt((int) sec100).putInt(100);
    }
}
