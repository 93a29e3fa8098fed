package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void refusesAPixelBombFromItsHeaderWithoutDecodingIt() throws IOException {
        byte[] bomb = png(60_000, 60_000);

        assertThatThrownBy(() -> decoder.decode(bomb, "bomb.png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bomb.png: refused")
                .hasMessageContaining("60000x60000")
                .hasMessageNotContaining("\n");
    }

    @Test
    void corruptAndTruncatedFilesGiveAOneLineReason() throws IOException {
        byte[] good = png(40, 30);
        byte[] truncated = Arrays.copyOf(good, good.length - 30);

        assertThatThrownBy(() -> decoder.decode("not an image at all".getBytes(), "notes.jpg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("notes.jpg: not a recognised image format");
        assertThatThrownBy(() -> decoder.decode(truncated, "cut.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cut.png: ");
        assertThatThrownBy(() -> decoder.decode(new byte[0], "empty.jpg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("empty.jpg: empty file");
    }

    @Test
    void decodesAnOrdinaryImageAtItsOwnSize() throws IOException {
        DecodedImage img = decoder.decode(png(40, 30), "small.png");
        try {
            assertThat(img.width()).isEqualTo(40);
            assertThat(img.height()).isEqualTo(30);
        } finally {
            img.bgr().release();
        }
    }

    @Test
    void decodesAOneFrameGif() {
        byte[] gif = TestPictures.encoded(TestPictures.opaque(), "gif");

        DecodedImage img = decoder.decode(gif, "still.gif");

        try {
            TestPictures.assertOpaqueLayout(img.bgr(), 12);
        } finally {
            img.bgr().release();
        }
    }

    @Test
    void decodesLossyLosslessAndTransparentWebp() {
        for (String name : List.of("lossy.webp", "lossless.webp")) {
            DecodedImage img = decoder.decode(TestPictures.resource(name), name);
            try {
                TestPictures.assertOpaqueLayout(img.bgr(), 20);
            } finally {
                img.bgr().release();
            }
        }
        for (String name : List.of("alpha.webp", "alpha-lossless.webp")) {
            DecodedImage img = decoder.decode(TestPictures.resource(name), name);
            try {
                TestPictures.assertDiscOnWhite(img.bgr(), 20);
            } finally {
                img.bgr().release();
            }
        }
    }

    @Test
    void theImageIoPathDecodesEveryKindOfWebpToo() {
        // OpenCV's libwebp decodes still WebP first; TwelveMonkeys is the path for what it refuses
        for (String name : List.of("lossy.webp", "lossless.webp", "alpha.webp", "alpha-lossless.webp")) {
            BufferedImage picture = ImageDecoder.withImageIo(TestPictures.resource(name));
            assertThat(picture).as(name).isNotNull();
            Mat bgr = WhiteBackground.bgr(picture);
            try {
                if (name.startsWith("alpha")) TestPictures.assertDiscOnWhite(bgr, 20);
                else TestPictures.assertOpaqueLayout(bgr, 20);
            } finally {
                bgr.release();
            }
        }
    }

    @Test
    void anAnimatedWebpGivesItsFirstFrame() {
        // OpenCV refuses animated WebP (and says so on standard error), so it never sees one
        byte[] animated = TestPictures.resource("animated.webp");
        assertThat(HeaderFlags.animatedWebp(animated)).isTrue();

        DecodedImage img = decoder.decode(animated, "animated.webp");

        try {
            TestPictures.assertOpaqueLayout(img.bgr(), 20);
        } finally {
            img.bgr().release();
        }
    }

    @Test
    void aBmpOpenCvCannotReadIsDecodedByImageIo() throws IOException {
        // a BMP holding a PNG stream: valid, written by the JDK, unknown to OpenCV's BMP decoder
        ImageWriter writer = ImageIO.getImageWritersByFormatName("bmp").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("BI_PNG");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(TestPictures.opaque(), null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] bmp = out.toByteArray();
        assertThat(ImageDecoder.withOpenCv(bmp)).isNull();

        DecodedImage img = decoder.decode(bmp, "png-in.bmp");

        try {
            TestPictures.assertOpaqueLayout(img.bgr(), 0);
        } finally {
            img.bgr().release();
        }
    }

    @Test
    void aTransparentPngIsPutOnWhite() {
        BufferedImage disc = TestPictures.disc();
        ColorModel deep = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        BufferedImage disc16 = new BufferedImage(deep, deep.createCompatibleWritableRaster(64, 48), false, null);
        Graphics2D g = disc16.createGraphics();
        g.drawImage(disc, 0, 0, null);
        g.dispose();

        for (BufferedImage picture : List.of(disc, disc16)) {
            DecodedImage img = decoder.decode(TestPictures.encoded(picture, "png"), "sticker.png");
            try {
                TestPictures.assertDiscOnWhite(img.bgr(), 2);
            } finally {
                img.bgr().release();
            }
        }
    }

    @Test
    void aPaletteColourMadeTransparentIsWhite() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 220, 0}, new byte[] {30, 0}, new byte[] {30, 0}, 1);
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 32; x++) picture.getRaster().setSample(x, y, 0, 1);

        DecodedImage img = decoder.decode(TestPictures.encoded(picture, "png"), "keyed.png");

        try {
            TestPictures.assertColour(img.bgr(), 10, 24, TestPictures.WHITE, 0);
            TestPictures.assertColour(img.bgr(), 50, 24, TestPictures.RED, 0);
        } finally {
            img.bgr().release();
        }
    }

    @Test
    void extremeAspectRatiosDecodeAtTheirOwnSize() throws IOException {
        for (int[] size : new int[][] {{1, 30_000}, {30_000, 1}, {2, 2}, {1, 1}}) {
            DecodedImage img = decoder.decode(png(size[0], size[1]), "odd.png");
            try {
                assertThat(new int[] {img.width(), img.height()}).containsExactly(size);
            } finally {
                img.bgr().release();
            }
        }
    }

    @Test
    void refusesGifAndWebpPixelBombsFromTheirHeaders() {
        byte[] gif = new GifBytes(60_000, 60_000).frame(0, 0, 60_000, 60_000, GifBytes.KEEP, GifBytes.OPAQUE, GifBytes.RED, 4).bytes();
        // a small first frame on a huge screen: the screen is what a viewer allocates
        byte[] gifScreen = new GifBytes(60_000, 60_000).frame(0, 0, 1, 1, GifBytes.KEEP, GifBytes.OPAQUE, GifBytes.RED).bytes();
        byte[] webpCanvas = TestPictures.resource("alpha.webp");
        putInt24(webpCanvas, 24, 60_000 - 1); // VP8X canvas width and height, less one
        putInt24(webpCanvas, 27, 60_000 - 1);
        byte[] webpLossless = TestPictures.resource("lossless.webp");
        // VP8L: 14 bits of width less one, 14 of height less one, from byte 21
        int bits = 16_383 | 16_383 << 14;
        webpLossless[21] = (byte) bits;
        webpLossless[22] = (byte) (bits >> 8);
        webpLossless[23] = (byte) (bits >> 16);
        webpLossless[24] = (byte) (webpLossless[24] & 0xf0 | bits >> 24 & 0x0f);

        assertThatThrownBy(() -> decoder.decode(gif, "bomb.gif")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bomb.gif: refused").hasMessageContaining("60000x60000").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> decoder.decode(gifScreen, "screen.gif")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("screen.gif: refused").hasMessageContaining("60000x60000").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> decoder.decode(webpCanvas, "bomb.webp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bomb.webp: refused").hasMessageContaining("60000x60000").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> decoder.decode(webpLossless, "big.webp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("big.webp: refused").hasMessageContaining("16384x16384").hasMessageNotContaining("\n");
    }

    @Test
    void truncatedGifAndWebpGiveAOneLineReason() {
        byte[] gif = TestPictures.encoded(TestPictures.opaque(), "gif");
        byte[] cutGif = Arrays.copyOf(gif, gif.length / 2);
        for (String name : List.of("lossy.webp", "lossless.webp", "alpha.webp")) {
            byte[] webp = TestPictures.resource(name);
            byte[] cut = Arrays.copyOf(webp, webp.length * 2 / 3);
            assertThatThrownBy(() -> decoder.decode(cut, "cut-" + name)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cut-" + name + ": corrupt or truncated image data");
        }
        assertThatThrownBy(() -> decoder.decode(cutGif, "cut.gif")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut.gif: corrupt or truncated image data");
    }

    private static void putInt24(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >> 8);
        b[at + 2] = (byte) (value >> 16);
    }

    /** A valid grey PNG of the given declared size whose pixel data is a few bytes of deflated zeros. */
    static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        // pixel data only for small images; a bomb needs no real data to be refused
        byte[] raw = new byte[(long) w * h < 1_000_000 ? (w + 1) * h : 16];
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes();
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
