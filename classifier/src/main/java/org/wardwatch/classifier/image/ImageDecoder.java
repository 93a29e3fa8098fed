package org.wardwatch.classifier.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;

/**
 * Turns downloaded bytes into pixels, refusing pixel bombs: the declared dimensions are read from the
 * header first, and an image whose width times height exceeds the limit is never decoded.
 */
public final class ImageDecoder {
    /** 50 megapixels: well above any phone photo, far below what would exhaust memory when decoded. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    private static final int MAX_SIDE = 30_000;

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
        OpenCv.load();
    }

    /** @throws IllegalArgumentException with a one-line reason when the bytes are not a usable image */
    public DecodedImage decode(byte[] bytes, String name) {
        if (bytes == null || bytes.length == 0) throw new IllegalArgumentException(name + ": empty file");
        long[] dims = declaredDimensions(bytes);
        if (dims == null) throw new IllegalArgumentException(name + ": not a recognised image format");
        if (dims[0] <= 0 || dims[1] <= 0 || dims[0] > MAX_SIDE || dims[1] > MAX_SIDE || dims[0] * dims[1] > maxPixels) {
            throw new IllegalArgumentException(name + ": refused, declared size " + dims[0] + "x" + dims[1]
                    + " exceeds the limit of " + maxPixels + " pixels");
        }
        Mat bgr = Imgcodecs.imdecode(new MatOfByte(PngColourProfile.strip(bytes)), Imgcodecs.IMREAD_COLOR);
        if (bgr.empty()) throw new IllegalArgumentException(name + ": corrupt or truncated image data");
        return new DecodedImage(bgr);
    }

    /** Width and height from the header alone, or null when no reader knows the format. */
    static long[] declaredDimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return new long[] {reader.getWidth(0), reader.getHeight(0)};
                } catch (IOException | RuntimeException e) {
                    return null;
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return fromMetadata(bytes);
    }

    /** WebP and other formats the JDK cannot read: metadata-extractor parses their headers. */
    private static long[] fromMetadata(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (Directory d : metadata.getDirectories()) {
                Integer w = null, h = null;
                for (var tag : d.getTags()) {
                    String n = tag.getTagName().toLowerCase();
                    if (n.equals("image width")) w = d.getInteger(tag.getTagType());
                    if (n.equals("image height")) h = d.getInteger(tag.getTagType());
                }
                if (w != null && h != null) return new long[] {w, h};
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
