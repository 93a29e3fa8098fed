package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class PngColourProfileTest {
    static {
        OpenCv.load();
    }

    @Test
    void aPngLosesItsColourProfileAndKeepsItsPixels(@TempDir Path dir) throws Exception {
        Mat image = gradient();
        byte[] plain = encode(image, ".png");
        byte[] withProfile = withChunkAfterHeader(plain, "iCCP", "faulty\0\0not a real profile".getBytes(StandardCharsets.ISO_8859_1));

        byte[] stripped = PngColourProfile.strip(withProfile);

        assertThat(contains(withProfile, "iCCP")).isTrue();
        assertThat(contains(stripped, "iCCP")).isFalse();
        assertThat(stripped).isEqualTo(plain);
        Path file = dir.resolve("profiled.png");
        Files.write(file, withProfile);
        Mat read = PngColourProfile.read(file, Imgcodecs.IMREAD_COLOR);
        Mat diff = new Mat();
        Core.absdiff(read, image, diff);
        assertThat(Core.sumElems(diff).val).containsOnly(0.0);
    }

    @Test
    void otherImagesAndBrokenPngsAreLeftAsTheyAre() {
        byte[] jpeg = encode(gradient(), ".jpg");
        byte[] png = encode(gradient(), ".png");
        byte[] truncated = Arrays.copyOf(withChunkAfterHeader(png, "iCCP", new byte[40]), 50);

        assertThat(PngColourProfile.strip(jpeg)).isSameAs(jpeg);
        assertThat(PngColourProfile.strip(png)).isSameAs(png);
        assertThat(PngColourProfile.strip(truncated)).isSameAs(truncated);
    }

    @Test
    void aMissingFileReadsAsEmptyAsOpenCvWouldSay(@TempDir Path dir) {
        assertThat(PngColourProfile.read(dir.resolve("absent.png"), Imgcodecs.IMREAD_GRAYSCALE).empty()).isTrue();
    }

    private static Mat gradient() {
        Mat m = new Mat(24, 32, CvType.CV_8UC3, new Scalar(0, 0, 0));
        for (int y = 0; y < m.rows(); y++) for (int x = 0; x < m.cols(); x++) m.put(y, x, x * 8, y * 10, 200);
        return m;
    }

    private static byte[] encode(Mat m, String ext) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(ext, m, out);
        return out.toArray();
    }

    /** The PNG with one more chunk right after IHDR (signature 8 bytes, IHDR chunk 25). */
    private static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8), (byte) data.length});
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }
}
