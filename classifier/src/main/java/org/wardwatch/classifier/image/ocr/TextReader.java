package org.wardwatch.classifier.image.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import net.sourceforge.tess4j.Tesseract;

/**
 * Text in images (a whiteboard, a wristband, a birthday card) through Tess4J over the system's
 * Tesseract. Optional: when the library or its English data is missing, {@link #open} says so once
 * and returns null, and WardWatch carries on without it. Tesseract instances are not thread-safe, so
 * each thread has its own.
 */
public final class TextReader {
    private static final List<String> TESSDATA = List.of(
            "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata");
    /** Shorter than this after cleaning is noise (texture read as letters), not text. */
    private static final int MIN_TEXT = 4;

    private final ThreadLocal<Tesseract> engines;
    private final int maxSide;

    private TextReader(String datapath, int maxSide) {
        this.maxSide = maxSide;
        this.engines = ThreadLocal.withInitial(() -> {
            Tesseract t = new Tesseract();
            t.setDatapath(datapath);
            t.setLanguage("eng");
            t.setPageSegMode(11); // sparse text: signs and labels scattered over a photo
            t.setVariable("debug_file", "/dev/null"); // Tesseract's chatter ("Detected 6 diacritics") is not ours to print
            t.setVariable("user_defined_dpi", "150"); // photos carry no usable DPI; this also silences its guess
            return t;
        });
    }

    /** A reader, or null (with one message to {@code notice}) when Tesseract is not installed. */
    public static TextReader open(Consumer<String> notice) {
        String datapath = null;
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && Files.isRegularFile(Path.of(env, "eng.traineddata"))) datapath = env;
        for (String d : TESSDATA) if (datapath == null && Files.isRegularFile(Path.of(d, "eng.traineddata"))) datapath = d;
        if (datapath == null) {
            notice.accept("Tesseract English data not found (apt-get install tesseract-ocr tesseract-ocr-eng); text in images will not be read");
            return null;
        }
        try {
            TextReader reader = new TextReader(datapath, 1600);
            reader.engines.get().doOCR(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
            return reader;
        } catch (Throwable e) { // UnsatisfiedLinkError when libtesseract is absent
            notice.accept("Tesseract library not usable (" + e.getClass().getSimpleName() + "); text in images will not be read");
            return null;
        }
    }

    /** The words found, one line per text line, or null when there are none worth reporting. */
    public String read(Mat bgr) {
        Mat work = bgr;
        int longer = Math.max(bgr.cols(), bgr.rows());
        if (longer > maxSide) {
            double f = (double) maxSide / longer;
            work = new Mat();
            Imgproc.resize(bgr, work, new Size(Math.round(bgr.cols() * f), Math.round(bgr.rows() * f)), 0, 0, Imgproc.INTER_AREA);
        }
        BufferedImage img = new BufferedImage(work.cols(), work.rows(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        work.get(0, 0, px);
        if (work != bgr) work.release();
        String raw;
        try {
            raw = engines.get().doOCR(img);
        } catch (Exception e) {
            return null;
        }
        return clean(raw);
    }

    /** Keeps lines that hold at least one real word (two letters or more); drops texture noise. */
    static String clean(String raw) {
        if (raw == null) return null;
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\\R")) {
            String t = line.strip().replaceAll("\\s+", " ");
            long letters = t.chars().filter(Character::isLetter).count();
            if (letters < 2 || letters < t.length() / 2 || !t.matches(".*\\p{L}{2,}.*")) continue;
            if (out.length() > 0) out.append('\n');
            out.append(t);
        }
        return out.length() < MIN_TEXT ? null : out.toString();
    }
}
