package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

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
        assertThat(img.width()).isEqualTo(40);
        assertThat(img.height()).isEqualTo(30);
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
