package org.wardwatch.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FeedDecodingTest {
    static final String DOC = "<?xml version=\"1.0\" encoding=\"%s\"?><rss><title>%s</title></rss>";

    static byte[] bytes(String declared, String title, Charset cs) {
        return DOC.formatted(declared, title).getBytes(cs);
    }

    @Test
    void aByteOrderMarkWinsOverTheHttpCharsetAndTheDeclaration() {
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("utf-8", "Zoë 🎉", StandardCharsets.UTF_16LE));
        byte[] utf32be = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, bytes("utf-8", "Zoë 🎉", Charset.forName("UTF-32BE")));
        for (byte[] b : new byte[][] {utf16le, utf32be}) {
            FeedDecoding.FeedText t = FeedDecoding.decode(b, "text/xml; charset=iso-8859-1");
            assertThat(t.text()).startsWith("<?xml").contains("Zoë 🎉");
            assertThat(t.source()).isEqualTo("byte order mark");
        }
    }

    @Test
    void theHttpCharsetWinsOverTheDeclarationAndLatin1MeansWindows1252() {
        byte[] cp1252 = bytes("utf-8", "“Thank you” – €5", Charset.forName("windows-1252"));
        FeedDecoding.FeedText t = FeedDecoding.decode(cp1252, "application/rss+xml; charset=ISO-8859-1");
        assertThat(t.text()).contains("“Thank you” – €5").doesNotContain("\u0093");
        assertThat(t.charset()).isEqualTo("windows-1252");
        assertThat(t.source()).isEqualTo("HTTP charset ISO-8859-1");
        assertThat(t.replaced()).isZero();
    }

    @Test
    void withoutHttpCharsetTheDeclarationDecidesElseUtf8() {
        assertThat(FeedDecoding.decode(bytes("us-ascii", "“q”", Charset.forName("windows-1252")), "text/xml").text()).contains("“q”");
        FeedDecoding.FeedText none = FeedDecoding.decode("<rss><title>Siân</title></rss>".getBytes(StandardCharsets.UTF_8), null);
        assertThat(none.text()).contains("Siân");
        assertThat(none.source()).isEqualTo("default UTF-8");
    }

    @Test
    void utf16WithoutAMarkIsKnownByItsZeroBytes() {
        FeedDecoding.FeedText t = FeedDecoding.decode(bytes("UTF-16", "Siân", StandardCharsets.UTF_16BE), "application/xml; charset=utf-8");
        assertThat(t.text()).contains("Siân");
        assertThat(t.charset()).isEqualTo("UTF-16BE");
    }

    @Test
    void aWideLabelOnNarrowBytesIsPassedOver() {
        FeedDecoding.FeedText t = FeedDecoding.decode(bytes("utf-8", "Siân", StandardCharsets.UTF_8), "text/xml; charset=utf-16");
        assertThat(t.text()).contains("Siân");
        assertThat(t.source()).isEqualTo("XML declaration utf-8");
        FeedDecoding.FeedText declared = FeedDecoding.decode(bytes("UTF-16", "Siân", StandardCharsets.UTF_8), "text/xml");
        assertThat(declared.text()).contains("Siân");
        assertThat(declared.source()).isEqualTo("default UTF-8");
    }

    @Test
    void anInvalidByteSequenceIsReplacedCountedAndSaidInOneLine() {
        byte[] b = "<rss><title>Caf\u0000 and t\u0000a</title></rss>".getBytes(StandardCharsets.UTF_8);
        // the two stand-ins become bytes no UTF-8 sequence starts with
        for (int i = 0, n = 0; i < b.length; i++) if (b[i] == 0) b[i] = n++ == 0 ? (byte) 0xE9 : (byte) 0xFF;
        FeedDecoding.FeedText t = FeedDecoding.decode(b, "text/xml; charset=utf-8");
        assertThat(t.text()).contains("Caf\uFFFD and t\uFFFDa");
        assertThat(t.replaced()).isEqualTo(2);
        assertThat(t.problem("https://x/feed")).isEqualTo(
                "feed https://x/feed: 2 byte sequences not valid UTF-8 (HTTP charset utf-8) replaced with U+FFFD");
    }

    @Test
    void anUnknownLabelFallsThroughToTheNextSource() {
        FeedDecoding.FeedText t = FeedDecoding.decode(bytes("windows-1252", "£", Charset.forName("windows-1252")), "text/xml; charset=x-nonsense");
        assertThat(t.text()).contains("£");
        assertThat(t.source()).isEqualTo("XML declaration windows-1252");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
