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

import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.Word;

/**
 * Text in images (a whiteboard, a wristband, a birthday card) through Tess4J over the system's
 * Tesseract. Optional: when the library or its English data is missing, {@link #open} says so once
 * and returns null, and WardWatch carries on without it. Tesseract instances are not thread-safe, so
 * each thread has its own.
 */
public final class TextReader {
    private static final List<String> TESSDATA = List.of(
            "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata");
    /** Words read with less confidence than this are texture, not writing (see {@link #clean}). */
    static final float MIN_CONFIDENCE = 80;
    /** Fewer letters than this in all is not worth reporting: a stray "Zubi" on a sea urchin. */
    static final int MIN_LETTERS = 6;

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
        List<Word> words;
        try {
            words = engines.get().getWords(img, ITessAPI.TessPageIteratorLevel.RIL_WORD);
        } catch (Exception e) {
            return null;
        }
        return clean(words.stream().map(w -> new Read(w.getText(), w.getConfidence(), w.getBoundingBox().y,
                w.getBoundingBox().y + w.getBoundingBox().height)).toList());
    }

    /** One word as Tesseract read it: its text, its confidence (0-100) and its vertical extent. */
    record Read(String text, float confidence, int top, int bottom) {
    }

    /**
     * Keeps the words Tesseract is sure of that hold two letters or more, one line per text line, and
     * reports nothing unless they add up to a few letters. Fur, feathers and fabric are read as short
     * words at middling confidence ("Ee", "ae", "fat" at 50-70); real lettering is read at 85 and more.
     */
    static String clean(List<Read> words) {
        StringBuilder out = new StringBuilder();
        int letters = 0, lineBottom = -1;
        for (Read w : words) {
            String t = w.text().strip();
            long l = t.chars().filter(Character::isLetter).count();
            boolean number = t.matches("\\d[\\d/:.-]*");
            if (w.confidence() < MIN_CONFIDENCE || (l < 2 && !number)) continue;
            boolean newLine = w.top() >= lineBottom; // Tesseract gives words in reading order
            if (out.length() > 0) out.append(newLine ? '\n' : ' ');
            out.append(t);
            letters += l;
            lineBottom = newLine ? w.bottom() : Math.max(lineBottom, w.bottom());
        }
        return letters < MIN_LETTERS ? null : out.toString();
    }
}
