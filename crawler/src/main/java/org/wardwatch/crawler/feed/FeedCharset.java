package org.wardwatch.crawler.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.MediaType;

/**
 * Which character encoding a feed's bytes are in, decided as RFC 7303 (section 3) says for XML media
 * types: a byte order mark first, then the HTTP charset parameter, then the XML declaration, else
 * UTF-8. Labels are mapped as browsers map them (the WHATWG Encoding Standard): a feed labelled
 * iso-8859-1, latin1 or us-ascii is read as windows-1252, because that is what the tools that label
 * it so write, and it turns bytes 0x80-0x9F into the quotes and dashes meant instead of invisible C1
 * controls.
 */
final class FeedCharset {
    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Map<String, String> LABELS = new HashMap<>();

    static {
        label("windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "latin-1",
                "us-ascii", "windows-1252", "x-cp1252");
        label("windows-1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
                "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254");
        label("x-IBM874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874");
        label("GB18030", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                "iso-ir-58", "x-gbk", "gb18030");
        label("x-windows-949", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
                "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949");
        label("windows-31j", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis");
        label("Big5-HKSCS", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
        label("UTF-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8");
        label("UTF-16LE", "utf-16le", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff");
        label("UTF-16BE", "utf-16be", "unicodefffe");
        label("UTF-32LE", "utf-32le");
        label("UTF-32BE", "utf-32be");
    }

    private FeedCharset() {
    }

    private static void label(String charset, String... labels) {
        for (String l : labels) LABELS.put(l, charset);
    }

    /**
     * @param charset    what to decode with
     * @param bomLength  bytes of byte order mark to leave out
     * @param source     where the choice came from, for messages ("HTTP charset iso-8859-1")
     */
    record Choice(Charset charset, int bomLength, String source) {
    }

    static Choice detect(byte[] b, String contentType) {
        Choice bom = bom(b);
        if (bom != null) return bom;
        Charset wide = widePattern(b);
        String httpLabel = httpCharset(contentType);
        Charset http = forLabel(httpLabel, b);
        if (http != null && fits(http, wide, b)) return new Choice(http, 0, "HTTP charset " + httpLabel);
        if (wide != null) return new Choice(wide, 0, "byte pattern");
        String declared = declaredEncoding(b);
        Charset decl = forLabel(declared, b);
        if (decl != null && fits(decl, null, b)) return new Choice(decl, 0, "XML declaration " + declared);
        return new Choice(StandardCharsets.UTF_8, 0, "default UTF-8");
    }

    /**
     * Whether a label can be right about these bytes. XML never holds U+0000, so "<" followed by zero
     * bytes cannot be in an ASCII-based encoding, and "<" followed by a non-zero byte cannot be UTF-16
     * or UTF-32: where the bytes contradict a label this way, the label is passed over.
     */
    private static boolean fits(Charset cs, Charset wide, byte[] b) {
        if (wide != null) return !asciiBased(cs);
        return !startsNarrow(b) || asciiBased(cs);
    }

    /** Whether the charset writes "<?" as the two ASCII bytes, as UTF-8 and the single-byte ones do. */
    private static boolean asciiBased(Charset cs) {
        byte[] b = "<?".getBytes(cs);
        return b.length == 2 && b[0] == '<' && b[1] == '?';
    }

    /** A document that opens with "<" or white space as one byte followed by another non-zero one. */
    private static boolean startsNarrow(byte[] b) {
        return b.length >= 2 && (b[0] == '<' || b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') && b[1] != 0;
    }

    private static Choice bom(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) return new Choice(StandardCharsets.UTF_8, 3, "byte order mark");
        // the UTF-32LE mark begins with the UTF-16LE one, so it is looked for first
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) return new Choice(Charset.forName("UTF-32LE"), 4, "byte order mark");
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) return new Choice(Charset.forName("UTF-32BE"), 4, "byte order mark");
        if (starts(b, 0xFF, 0xFE)) return new Choice(StandardCharsets.UTF_16LE, 2, "byte order mark");
        if (starts(b, 0xFE, 0xFF)) return new Choice(StandardCharsets.UTF_16BE, 2, "byte order mark");
        return null;
    }

    /**
     * UTF-16 or UTF-32 without a byte order mark, known by the zero bytes around the first characters
     * (XML 1.0 appendix F: a document starts with "<" or whitespace, both below 0x80).
     */
    private static Charset widePattern(byte[] b) {
        if (b.length < 4) return null;
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) return Charset.forName("UTF-32BE");
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) return Charset.forName("UTF-32LE");
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) return StandardCharsets.UTF_16BE;
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) return StandardCharsets.UTF_16LE;
        return null;
    }

    private static String httpCharset(String contentType) {
        if (contentType == null) return null;
        MediaType mt = MediaType.parse(contentType);
        String cs = mt == null ? null : mt.parameter("charset");
        return cs == null || cs.isBlank() ? null : cs.strip();
    }

    /** The encoding named in the XML declaration, read in the ASCII-based form every declaration has. */
    private static String declaredEncoding(byte[] b) {
        int n = Math.min(b.length, 1024);
        String head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        Matcher m = ENCODING.matcher(head.stripLeading());
        return m.find() ? m.group(1).strip() : null;
    }

    /**
     * The charset a label means, as browsers read it; null when the label is unknown. A UTF-16 or
     * UTF-32 label without byte order takes the order the bytes show.
     */
    static Charset forLabel(String label, byte[] b) {
        if (label == null || label.isBlank()) return null;
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.equals("utf-16") || l.equals("utf-32")) {
            Charset wide = widePattern(b);
            boolean bigEndian = wide != null && wide.name().endsWith("BE");
            if (l.equals("utf-16")) return bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return Charset.forName(bigEndian ? "UTF-32BE" : "UTF-32LE");
        }
        String mapped = LABELS.get(l);
        try {
            if (mapped != null && Charset.isSupported(mapped)) return Charset.forName(mapped);
            return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
