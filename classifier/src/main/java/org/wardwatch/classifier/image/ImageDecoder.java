package org.wardwatch.classifier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.wardwatch.core.media.ImageSniffer;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * Turns downloaded bytes into pixels, refusing pixel bombs: the declared dimensions are read from the
 * header first, and an image whose width times height exceeds the limit is never decoded.
 *
 * <p>OpenCV decodes what it can (JPEG, PNG, still WebP, BMP, TIFF): it is fast, and it is what the analyzers
 * were tuned on. GIF (which this OpenCV build cannot read), animated WebP and whatever else OpenCV refuses
 * go through {@code javax.imageio} (the JDK's readers, TwelveMonkeys' WebP). Transparent pixels are put on
 * white ({@link WhiteBackground}).
 */
public final class ImageDecoder {
    /** 50 megapixels: well above any phone photo, far below what would exhaust memory when decoded. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** Frames of an animated GIF analysed: the first, the middle and the last. */
    public static final int ANIMATION_SAMPLES = 3;

    private final PixelLimit limit;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        this.limit = new PixelLimit(maxPixels);
        OpenCv.load();
    }

    /**
     * The picture, the first frame of an animation; the caller releases its Mat.
     *
     * @throws IllegalArgumentException with a one-line reason naming the image when the bytes are not a usable image
     */
    public DecodedImage decode(byte[] bytes, String name) {
        if (isGif(checked(bytes, name))) {
            DecodedImage[] first = new DecodedImage[1];
            GifAnimation.sample(bytes, name, limit, 1, picture -> first[0] = new DecodedImage(WhiteBackground.bgr(picture)));
            return first[0];
        }
        return still(bytes, name);
    }

    /**
     * Each picture worth analysing, given to {@code look} in turn: the image itself, or up to
     * {@link #ANIMATION_SAMPLES} frames of an animated GIF. Each is released before the next is decoded,
     * so only one is held at a time (the crawler runs this on every image it fetches).
     *
     * @return what {@code look} answered, one for each picture, in order
     * @throws IllegalArgumentException with a one-line reason naming the image when the bytes are not a usable image
     */
    public <T> List<T> eachPicture(byte[] bytes, String name, Function<DecodedImage, T> look) {
        List<T> answers = new ArrayList<>();
        if (isGif(checked(bytes, name))) {
            GifAnimation.sample(bytes, name, limit, ANIMATION_SAMPLES, picture -> answers.add(lookAt(new DecodedImage(WhiteBackground.bgr(picture)), look)));
        } else {
            answers.add(lookAt(still(bytes, name), look));
        }
        return answers;
    }

    private static <T> T lookAt(DecodedImage picture, Function<DecodedImage, T> look) {
        try {
            return look.apply(picture);
        } finally {
            picture.bgr().release();
        }
    }

    /** The sniffed type, once the declared size has passed the limit. */
    private String checked(byte[] bytes, String name) {
        if (bytes == null || bytes.length == 0) throw new IllegalArgumentException(name + ": empty file");
        long[] dims = declaredDimensions(bytes);
        if (dims == null) throw new IllegalArgumentException(name + ": not a recognised image format");
        limit.check(name, dims[0], dims[1]);
        return ImageSniffer.mime(bytes);
    }

    private static boolean isGif(String mime) {
        return "image/gif".equals(mime);
    }

    private static DecodedImage still(byte[] bytes, String name) {
        Mat bgr = HeaderFlags.animatedWebp(bytes) ? null : withOpenCv(bytes);
        if (bgr == null) {
            BufferedImage picture = withImageIo(bytes);
            if (picture == null) throw new IllegalArgumentException(name + ": corrupt or truncated image data");
            bgr = WhiteBackground.bgr(picture);
        }
        return new DecodedImage(bgr);
    }

    /** BGR pixels (EXIF rotation applied to opaque pictures), or null when OpenCV cannot decode the bytes. */
    static Mat withOpenCv(byte[] bytes) {
        // IMREAD_COLOR would drop the alpha and leave transparent pixels in whatever colour the encoder stored
        boolean alpha = HeaderFlags.declaresAlpha(bytes);
        MatOfByte buffer = new MatOfByte(PngColourProfile.strip(bytes));
        Mat decoded = null;
        try {
            decoded = Imgcodecs.imdecode(buffer, alpha ? Imgcodecs.IMREAD_UNCHANGED : Imgcodecs.IMREAD_COLOR);
            if (decoded.empty()) return null;
            if (!alpha) {
                Mat bgr = decoded;
                decoded = null;
                return bgr;
            }
            return WhiteBackground.bgr(decoded);
        } catch (CvException e) {
            return null;
        } finally {
            buffer.release();
            if (decoded != null) decoded.release();
        }
    }

    /** The first picture in the bytes by whichever {@code javax.imageio} reader knows them, or null. */
    static BufferedImage withImageIo(byte[] bytes) {
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // the readers answer corrupt data with anything from EOFException to ArrayIndexOutOfBoundsException
            return null;
        }
    }

    /** Width and height from the header alone, or null when no reader knows the format. */
    static long[] declaredDimensions(byte[] bytes) {
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
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

    /** Formats no {@code javax.imageio} reader here knows (HEIF): metadata-extractor parses their headers. */
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
