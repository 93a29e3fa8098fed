package org.wardwatch.crawler.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * A feed's bytes as characters, decoded here rather than by the XML parser so the parser never
 * second-guesses the encoding ({@link FeedCharset} decides it). A byte sequence the encoding cannot
 * read becomes U+FFFD and is counted: a stray byte costs one character, never the feed.
 */
final class FeedDecoding {
    private FeedDecoding() {
    }

    /**
     * @param text     the feed's characters, without a byte order mark
     * @param source   why this encoding was chosen ("HTTP charset iso-8859-1")
     * @param replaced byte sequences that could not be read and became U+FFFD
     */
    record FeedText(String text, String charset, String source, int replaced) {
        /** One line for the crawl report when bytes were replaced; null when none were. */
        String problem(String url) {
            if (replaced == 0) return null;
            return "feed " + url + ": " + replaced + (replaced == 1 ? " byte sequence" : " byte sequences")
                    + " not valid " + charset + " (" + source + ") replaced with U+FFFD";
        }
    }

    static FeedText decode(byte[] body, String contentType) {
        FeedCharset.Choice choice = FeedCharset.detect(body, contentType);
        CharsetDecoder decoder = choice.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, choice.bomLength(), body.length - choice.bomLength());
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (in.remaining() * (double) decoder.maxCharsPerByte()) + 16));
        int replaced = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                if (!out.hasRemaining()) out = grown(out);
                out.put('\uFFFD');
                in.position(in.position() + r.length());
                replaced++;
            } else if (r.isOverflow()) {
                out = grown(out);
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // a second mark (a BOM inside a BOM, or one the HTTP charset hid) is not content either
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\uFEFF') start++;
        return new FeedText(text.substring(start), choice.charset().name(), choice.source(), replaced);
    }

    private static CharBuffer grown(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        return bigger;
    }
}
