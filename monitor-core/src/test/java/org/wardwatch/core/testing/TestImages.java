package org.wardwatch.core.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Small real images drawn for tests, so no photo of a person is needed to test storage. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] png(int width, int height, Color colour) {
        return encode(width, height, colour, "png");
    }

    public static byte[] jpeg(int width, int height, Color colour) {
        return encode(width, height, colour, "jpg");
    }

    private static byte[] encode(int width, int height, Color colour, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
