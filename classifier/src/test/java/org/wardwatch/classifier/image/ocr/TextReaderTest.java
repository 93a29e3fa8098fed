package org.wardwatch.classifier.image.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.wardwatch.classifier.image.OpenCv;

class TextReaderTest {
    private static TextReader readerOrSkip() {
        List<String> notices = new ArrayList<>();
        TextReader reader = TextReader.open(notices::add);
        if (reader == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Tesseract must be installed in CI (.ci/run installs it): " + notices);
        }
        Assumptions.assumeTrue(reader != null, "skipped: " + String.join("; ", notices));
        return reader;
    }

    /** A photo-sized picture of a ward whiteboard: dark marker on white, among clutter. */
    private static Mat whiteboard(String... lines) {
        OpenCv.load();
        BufferedImage img = new BufferedImage(1024, 768, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(120, 140, 110));
        g.fillRect(0, 0, 1024, 768);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(150, 120, 720, 420);
        g.setColor(new Color(20, 30, 120));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        for (int i = 0; i < lines.length; i++) g.drawString(lines[i], 190, 200 + i * 80);
        g.dispose();
        Mat m = new Mat(768, 1024, CvType.CV_8UC3);
        m.put(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        return m;
    }

    @Test
    void readsAPatientNameOffAWardWhiteboard() {
        TextReader reader = readerOrSkip();

        String text = reader.read(whiteboard("Bay 3 Bed 2", "Sarah Jenkins", "Discharge Friday"));

        assertThat(text).isNotNull();
        assertThat(text).containsIgnoringCase("Jenkins").containsIgnoringCase("Discharge");
    }

    @Test
    void aPictureWithoutWritingHasNoText() {
        TextReader reader = readerOrSkip();

        assertThat(reader.read(whiteboard())).isNull();
    }

    @Test
    void cleaningKeepsConfidentWordsLineByLineAndDropsTextureNoise() {
        List<TextReader.Read> words = List.of(
                new TextReader.Read("Bay", 93, 100, 140), new TextReader.Read("3", 91, 100, 140),
                new TextReader.Read("Ee", 62, 120, 150), // fur read as letters: not sure enough
                new TextReader.Read("Doreen", 95, 180, 220), new TextReader.Read("Mills", 94, 182, 221),
                new TextReader.Read("|", 97, 300, 340));
        assertThat(TextReader.clean(words)).isEqualTo("Bay 3\nDoreen Mills");
    }

    @Test
    void aFewConfidentLettersAloneAreNotText() {
        assertThat(TextReader.clean(List.of(new TextReader.Read("Zubi", 93, 10, 30), new TextReader.Read("04", 96, 10, 30)))).isNull();
        assertThat(TextReader.clean(List.of(new TextReader.Read("ae", 60, 10, 30), new TextReader.Read("fat", 54, 40, 60),
                new TextReader.Read("Ss", 70, 70, 90), new TextReader.Read("reat", 53, 100, 130)))).isNull();
    }
}
