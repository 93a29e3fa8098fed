package org.wardwatch.dashboard.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * The demo's pictures, drawn here so that no photograph of a real person ships with WardWatch: a
 * ward whiteboard with a patient's name, a geotagged day-room photo, skin with wound-like marks, a
 * birthday cake, a group of figures in a garden, a sensory room and a staff award.
 */
public final class DemoImages {
    private DemoImages() {
    }

    /** A ward whiteboard of the kind that ends up behind a group photo: names, beds, a date. */
    public static byte[] whiteboard(String... lines) {
        BufferedImage img = canvas(1024, 768, new Color(196, 186, 170));
        Graphics2D g = g(img);
        g.setColor(new Color(120, 120, 125));
        g.fillRoundRect(80, 70, 864, 560, 16, 16);
        g.setColor(new Color(250, 250, 247));
        g.fillRect(96, 86, 832, 528);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 54));
        Color[] markers = {new Color(20, 60, 160), new Color(170, 30, 30), new Color(20, 110, 50), new Color(30, 30, 30)};
        int y = 170;
        for (int i = 0; i < lines.length; i++) {
            g.setColor(markers[i % markers.length]);
            g.drawString(lines[i], 130, y);
            y += 96;
        }
        g.setColor(new Color(90, 90, 95));
        g.fillRect(300, 640, 420, 20);
        g.dispose();
        return jpeg(img);
    }

    /** A day room with a window, sofa and table; the JPEG carries GPS coordinates in its EXIF. */
    public static byte[] geotaggedDayRoom(double lat, double lon) {
        BufferedImage img = canvas(1200, 800, new Color(226, 219, 200));
        Graphics2D g = g(img);
        g.setColor(new Color(181, 160, 125));
        g.fillRect(0, 560, 1200, 240);
        g.setPaint(new GradientPaint(700, 120, new Color(160, 205, 240), 700, 420, new Color(225, 240, 250)));
        g.fillRect(640, 110, 420, 300);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(14));
        g.drawRect(640, 110, 420, 300);
        g.drawLine(850, 110, 850, 410);
        g.setColor(new Color(70, 110, 120));
        g.fill(new RoundRectangle2D.Double(120, 430, 420, 170, 40, 40));
        g.fill(new RoundRectangle2D.Double(100, 380, 460, 90, 40, 40));
        g.setColor(new Color(140, 95, 60));
        g.fillRect(640, 520, 320, 30);
        g.fillRect(660, 550, 24, 120);
        g.fillRect(916, 550, 24, 120);
        g.setColor(new Color(60, 130, 70));
        g.fill(new Ellipse2D.Double(1080, 470, 90, 120));
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.drawString("Willow Ward day room", 120, 90);
        g.dispose();
        return withGps(jpeg(img), lat, lon);
    }

    /** A forearm in close-up with healed linear marks: the shape the wound-like-skin signal looks for. */
    public static byte[] skinWithMarks() {
        BufferedImage img = canvas(900, 600, new Color(235, 235, 238));
        Graphics2D g = g(img);
        Path2D arm = new Path2D.Double();
        // a close-up crops the arm at both sides of the frame, as a phone photo of a forearm does
        arm.moveTo(-20, 260);
        arm.curveTo(300, 200, 600, 210, 920, 250);
        arm.lineTo(920, 420);
        arm.curveTo(600, 440, 300, 430, -20, 400);
        arm.closePath();
        g.setPaint(new GradientPaint(0, 220, new Color(224, 172, 140), 0, 430, new Color(196, 140, 110)));
        g.fill(arm);
        Random r = new Random(7);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 11; i++) {
            int x = 250 + i * 38 + r.nextInt(10);
            g.setColor(i % 3 == 0 ? new Color(178, 40, 40) : new Color(200, 90, 85));
            g.drawLine(x, 270 + r.nextInt(20), x + 30, 380 + r.nextInt(20));
        }
        g.dispose();
        return jpeg(img);
    }

    /** A birthday cake with the name piped on it, as in "Happy birthday, Doreen!" photos. */
    public static byte[] birthdayCake(String name) {
        BufferedImage img = canvas(1000, 750, new Color(250, 236, 224));
        Graphics2D g = g(img);
        g.setColor(new Color(200, 200, 210));
        g.fill(new Ellipse2D.Double(170, 520, 660, 120));
        g.setColor(new Color(255, 248, 240));
        g.fillRect(250, 330, 500, 240);
        g.fill(new Ellipse2D.Double(250, 280, 500, 100));
        g.setColor(new Color(240, 150, 180));
        g.fill(new Ellipse2D.Double(250, 520, 500, 100));
        g.fillRect(250, 540, 500, 30);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(120 + i * 20, 170, 230));
            g.fillRect(300 + i * 75, 200, 16, 100);
            g.setColor(new Color(255, 190, 40));
            g.fill(new Ellipse2D.Double(296 + i * 75, 172, 24, 36));
        }
        g.setColor(new Color(180, 40, 90));
        g.setFont(new Font(Font.SERIF, Font.BOLD | Font.ITALIC, 58));
        g.drawString("Happy Birthday", 300, 420);
        g.drawString(name + "!", 380, 490);
        g.dispose();
        return jpeg(img);
    }

    /** Simple figures at a garden party: shapes of people, not anyone real. */
    public static byte[] gardenGroup(int people) {
        BufferedImage img = canvas(1200, 800, new Color(170, 210, 240));
        Graphics2D g = g(img);
        g.setColor(new Color(110, 170, 90));
        g.fillRect(0, 480, 1200, 320);
        Random r = new Random(people);
        Color[] tops = {new Color(200, 60, 60), new Color(60, 90, 170), new Color(230, 180, 50), new Color(90, 150, 100),
                new Color(150, 80, 160)};
        Color[] skins = {new Color(241, 194, 160), new Color(198, 134, 92), new Color(141, 85, 54), new Color(224, 172, 140)};
        for (int i = 0; i < people; i++) {
            int x = 120 + i * (960 / Math.max(1, people)) + r.nextInt(30);
            int y = 330 + r.nextInt(40);
            g.setColor(tops[i % tops.length]);
            g.fill(new RoundRectangle2D.Double(x - 55, y + 95, 110, 200, 50, 50));
            g.setColor(skins[i % skins.length]);
            g.fill(new Ellipse2D.Double(x - 45, y, 90, 110));
            g.setColor(new Color(40, 30, 25));
            g.fill(new Ellipse2D.Double(x - 22, y + 40, 12, 12));
            g.fill(new Ellipse2D.Double(x + 10, y + 40, 12, 12));
            g.setStroke(new BasicStroke(4));
            g.drawArc(x - 20, y + 60, 40, 24, 200, 140);
            g.setColor(new Color(60, 40, 30));
            g.fill(new Ellipse2D.Double(x - 48, y - 12, 96, 50));
        }
        g.dispose();
        return jpeg(img);
    }

    /** A sensory room with lights and bean bags, nobody in it. */
    public static byte[] sensoryRoom() {
        BufferedImage img = canvas(1000, 700, new Color(40, 30, 70));
        Graphics2D g = g(img);
        Random r = new Random(3);
        for (int i = 0; i < 40; i++) {
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.6f, 1f));
            g.fill(new Ellipse2D.Double(r.nextInt(1000), r.nextInt(350), 14, 14));
        }
        g.setColor(new Color(90, 180, 200));
        g.fill(new RoundRectangle2D.Double(420, 150, 60, 400, 30, 30));
        g.setColor(new Color(230, 120, 60));
        g.fill(new Ellipse2D.Double(120, 460, 240, 160));
        g.setColor(new Color(120, 200, 110));
        g.fill(new Ellipse2D.Double(620, 470, 240, 150));
        g.dispose();
        return jpeg(img);
    }

    /** A framed certificate for a member of staff. */
    public static byte[] staffAward(String name) {
        BufferedImage img = canvas(1000, 700, new Color(60, 70, 90));
        Graphics2D g = g(img);
        g.setColor(new Color(250, 246, 232));
        g.fillRect(120, 80, 760, 540);
        g.setColor(new Color(180, 150, 60));
        g.setStroke(new BasicStroke(10));
        g.drawRect(140, 100, 720, 500);
        g.setColor(new Color(40, 40, 60));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 48));
        g.drawString("Nurse of the Year", 290, 250);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
        g.drawString(name, 340, 350);
        g.dispose();
        return jpeg(img);
    }

    private static BufferedImage canvas(int w, int h, Color background) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D g(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds an EXIF APP1 segment with a GPS IFD (latitude, longitude and their N/S, E/W references)
     * right after the JPEG's start-of-image marker, as a phone camera would.
     */
    static byte[] withGps(byte[] jpeg, double lat, double lon) {
        ByteBuffer tiff = ByteBuffer.allocate(200);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0: one entry, the GPS IFD pointer
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        // GPS IFD at 26: four entries; rationals follow at 26 + 2 + 4*12 + 4 = 80
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {(byte) (lat >= 0 ? 'N' : 'S'), 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {(byte) (lon >= 0 ? 'E' : 'W'), 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
        tiff.putInt(0);
        putDms(tiff, Math.abs(lat));
        putDms(tiff, Math.abs(lon));
        byte[] tiffBytes = new byte[tiff.position()];
        tiff.flip();
        tiff.get(tiffBytes);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exifHeader.length + tiffBytes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exifHeader, 0, exifHeader.length);
        out.write(tiffBytes, 0, tiffBytes.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void putDms(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double minutesFull = (degrees - d) * 60;
        int m = (int) minutesFull;
        int s100 = (int) Math.round((minutesFull - m) * 60 * 100);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt(s100).putInt(100);
    }

    /** PNG bytes, for the user's own images converted on the way in. */
    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
