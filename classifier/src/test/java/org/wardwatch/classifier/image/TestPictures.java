package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.opencv.core.Mat;

/**
 * The pictures the format tests decode, drawn here or (WebP, which the JDK cannot write) kept as small
 * resources drawn the same way (see {@code formats/README.md}).
 */
public final class TestPictures {
    static final double[] RED = {30, 30, 220}, BLUE = {220, 30, 30}, GREEN = {30, 200, 30}, WHITE = {255, 255, 255};

    private TestPictures() {
    }

    /** 64x48: left half red, right half blue, a green square from (24, 16) to (40, 32). */
    public static BufferedImage opaque() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.fillRect(0, 0, 32, 48);
        g.setColor(new Color(30, 30, 220));
        g.fillRect(32, 0, 32, 48);
        g.setColor(new Color(30, 200, 30));
        g.fillRect(24, 16, 16, 16);
        g.dispose();
        return image;
    }

    /** 64x48, transparent but for a red disc of diameter 32 in the middle. */
    static BufferedImage disc() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 30, 30));
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        return image;
    }

    /** The opaque picture's regions, within {@code tolerance} per channel (lossy codecs move colours a little). */
    static void assertOpaqueLayout(Mat bgr, double tolerance) {
        assertThat(bgr.cols()).isEqualTo(64);
        assertThat(bgr.rows()).isEqualTo(48);
        assertThat(bgr.channels()).isEqualTo(3);
        assertColour(bgr, 6, 6, RED, tolerance);
        assertColour(bgr, 58, 42, BLUE, tolerance);
        assertColour(bgr, 32, 24, GREEN, tolerance);
    }

    /** The disc picture put on white. */
    static void assertDiscOnWhite(Mat bgr, double tolerance) {
        assertThat(bgr.channels()).isEqualTo(3);
        assertColour(bgr, 2, 2, WHITE, tolerance);
        assertColour(bgr, 61, 45, WHITE, tolerance);
        assertColour(bgr, 32, 24, RED, tolerance);
    }

    static void assertColour(Mat bgr, int x, int y, double[] expected, double tolerance) {
        double[] actual = bgr.get(y, x);
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).as("channel %d at (%d, %d)", c, x, y).isCloseTo(expected[c], within(tolerance));
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestPictures.class.getResourceAsStream("formats/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource formats/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no " + format + " writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An animated GIF by the JDK's writer: every frame whole, each with a palette of its own. */
    static byte[] animatedGif(List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) writer.writeToSequence(new IIOImage(frame, null, null), null);
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
