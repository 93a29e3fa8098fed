package org.wardwatch.core.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides what an image really is from its first bytes, whatever the server claimed, and reads
 * its declared size from the header without decoding the pixels.
 */
public final class ImageSniffer {
    private ImageSniffer() {
    }

    public record Sniffed(String mime, Integer width, Integer height) {
    }

    /** @return the sniffed type, or null when the bytes are not an image WardWatch knows */
    public static Sniffed sniff(byte[] b) {
        String mime = mime(b);
        if (mime == null) return null;
        int[] size = size(b);
        return new Sniffed(mime, size == null ? null : size[0], size == null ? null : size[1]);
    }

    /** The type the first bytes say, or null when they are not an image WardWatch knows. */
    public static String mime(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(b, 'G', 'I', 'F', '8')) return "image/gif";
        if (starts(b, 'R', 'I', 'F', 'F') && b.length > 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "image/webp";
        if (starts(b, 'B', 'M')) return "image/bmp";
        if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("avi")) return "image/heif";
        }
        return null;
    }

    private static int[] size(byte[] b) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            if (in == null) return null;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }
}
