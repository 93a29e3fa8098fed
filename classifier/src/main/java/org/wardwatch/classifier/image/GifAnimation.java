package org.wardwatch.classifier.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;

import org.w3c.dom.Node;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

/**
 * The frames of a GIF as a viewer shows them, for a few frames spread over the animation. A GIF frame is
 * often only the patch that changed, drawn over what earlier frames left (and then kept, cleared or undone
 * by its disposal), so a sampled frame is composed from the last frame before it that repaints the whole
 * screen: the frames in between are decoded, the rest of a long animation is only skipped over.
 */
final class GifAnimation {
    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private record Frame(int x, int y, int w, int h, String disposal, boolean transparent) {
        boolean covers(int width, int height) {
            return x <= 0 && y <= 0 && x + w >= width && y + h >= height;
        }

        long pixels() {
            return (long) w * h;
        }
    }

    private final ImageReader reader;
    private final String name;
    private final PixelLimit limit;
    private final int count;
    private final Frame[] frames;
    private final int width;
    private final int height;

    private BufferedImage canvas;
    /** The frame the canvas shows, or -1 for a blank canvas. */
    private int shown = -1;
    private BufferedImage beforeShown;

    private GifAnimation(ImageReader reader, String name, PixelLimit limit) throws IOException {
        this.reader = reader;
        this.name = name;
        this.limit = limit;
        // counting skips over each frame's compressed data without decoding it; a truncated last frame is not counted
        this.count = reader.getNumImages(true);
        if (count < 1) throw new IOException("no complete frame");
        this.frames = new Frame[count];
        Frame first = frame(0);
        Node screen = child(reader.getStreamMetadata().getAsTree(STREAM_FORMAT), "LogicalScreenDescriptor");
        // some encoders write a zero or too small screen; viewers then fit the first frame
        this.width = Math.max(intAttribute(screen, "logicalScreenWidth"), first.x() + first.w());
        this.height = Math.max(intAttribute(screen, "logicalScreenHeight"), first.y() + first.h());
        limit.check(name, width, height);
    }

    /**
     * Passes up to {@code samples} frames, the first, the last and evenly between, to {@code look} in order,
     * each as the whole screen with transparent pixels left transparent (the picture is valid only during the
     * call). Frames are decoded for at most the limit's pixels in all: a sample that would need more is left
     * out, never the first.
     *
     * @throws IllegalArgumentException naming the image when it is refused, corrupt or truncated
     */
    static void sample(byte[] bytes, String name, PixelLimit limit, int samples, Consumer<BufferedImage> look) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
        if (!readers.hasNext()) throw new IllegalStateException("the JDK has no GIF reader");
        ImageReader reader = readers.next();
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, false, false);
            GifAnimation animation = new GifAnimation(reader, name, limit);
            animation.compose(animation.indices(samples), look);
        } catch (PixelLimit.Refused refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(name + ": corrupt or truncated image data");
        } finally {
            reader.dispose();
        }
    }

    private List<Integer> indices(int samples) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(samples, count); i++) {
            int index = samples == 1 ? 0 : (int) Math.round(i * (count - 1) / (double) (samples - 1));
            if (!picked.contains(index)) picked.add(index);
        }
        return picked;
    }

    private void compose(List<Integer> samples, Consumer<BufferedImage> look) throws IOException {
        long budget = limit.maxPixels();
        for (int sample : samples) {
            int start = cleanStart(sample);
            // going on from the frame shown is as right as starting over, and never costs more
            int from = shown >= start && shown < sample ? shown + 1 : start;
            long cost = 0;
            for (int k = from; k <= sample; k++) {
                Frame f = frame(k);
                // a frame may declare more pixels than its screen: refused before any is decoded
                if (f.pixels() > 0) limit.check(name, f.w(), f.h());
                cost += f.pixels();
            }
            if (cost > budget) continue;
            budget -= cost;
            if (from == start) blank();
            for (int k = from; k <= sample; k++) draw(k);
            look.accept(canvas);
        }
    }

    /** The last frame at or before {@code index} from which composing on a blank screen gives what a viewer shows. */
    private int cleanStart(int index) throws IOException {
        for (int k = index; k > 0; k--) {
            Frame f = frame(k);
            if (f.covers(width, height) && !f.transparent()) return k;
            Frame before = frame(k - 1);
            if (before.covers(width, height) && before.disposal().equals("restoreToBackgroundColor")) return k;
        }
        return 0;
    }

    private void blank() {
        canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        shown = -1;
        beforeShown = null;
    }

    private void draw(int index) throws IOException {
        if (shown >= 0) dispose(frame(shown));
        Frame f = frame(index);
        beforeShown = f.disposal().equals("restoreToPrevious") ? copy(canvas) : null;
        shown = index;
        if (f.pixels() == 0) return; // a pause or a comment holder: nothing to draw
        BufferedImage pixels = reader.read(index);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(pixels, f.x(), f.y(), null);
        } finally {
            g.dispose();
        }
    }

    /** What a frame leaves for the next: kept, its area cleared (browsers clear to transparent), or undone. */
    private void dispose(Frame f) {
        if (f.disposal().equals("restoreToBackgroundColor")) {
            Graphics2D g = canvas.createGraphics();
            try {
                g.setComposite(AlphaComposite.Clear);
                g.fillRect(f.x(), f.y(), f.w(), f.h());
            } finally {
                g.dispose();
            }
        } else if (f.disposal().equals("restoreToPrevious") && beforeShown != null) {
            canvas = beforeShown;
        }
    }

    private Frame frame(int index) throws IOException {
        if (frames[index] == null) {
            Node tree = reader.getImageMetadata(index).getAsTree(IMAGE_FORMAT);
            Node descriptor = child(tree, "ImageDescriptor");
            Node control = child(tree, "GraphicControlExtension");
            frames[index] = new Frame(intAttribute(descriptor, "imageLeftPosition"), intAttribute(descriptor, "imageTopPosition"),
                    intAttribute(descriptor, "imageWidth"), intAttribute(descriptor, "imageHeight"),
                    control == null ? "none" : attribute(control, "disposalMethod"),
                    control != null && attribute(control, "transparentColorFlag").equalsIgnoreCase("TRUE"));
        }
        return frames[index];
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        image.copyData(copy.getRaster());
        return copy;
    }

    private static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) return n;
        }
        return null;
    }

    private static String attribute(Node node, String name) {
        return ((IIOMetadataNode) node).getAttribute(name);
    }

    private static int intAttribute(Node node, String name) {
        return node == null ? 0 : Integer.parseInt(attribute(node, name));
    }
}
