package org.wardwatch.crawler.feed.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Counts a feed file's items independently of the crawler's reading of it: jsoup's forgiving XML
 * parser, with jsoup's own choice of character set, counting the elements named item or entry (any
 * namespace prefix, any case: CDF writes ITEM) that are not inside another. It shares no code with
 * {@code org.wardwatch.crawler.feed}, so a fault there cannot hide itself here.
 */
public final class ItemCensus {
    private ItemCensus() {
    }

    public static int count(byte[] bytes) {
        Document d = parse(bytes);
        int n = 0;
        Deque<Element> stack = new ArrayDeque<>(d.children());
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            String name = e.normalName();
            String local = name.substring(name.lastIndexOf(':') + 1);
            if (local.equals("item") || local.equals("entry")) n++;
            else e.children().forEach(stack::push);
        }
        return n;
    }

    /**
     * jsoup decides the character set (byte order mark, XML declaration, else UTF-8), except for UTF-16
     * and UTF-32 without a mark, which it does not recognise; their zero bytes give them away.
     */
    private static Document parse(byte[] b) {
        Charset wide = null;
        if (b.length >= 4 && b[0] != (byte) 0xFF && b[0] != (byte) 0xFE) {
            if (b[0] == 0 && b[1] == 0 && b[2] == 0) wide = Charset.forName("UTF-32BE");
            else if (b[1] == 0 && b[2] == 0 && b[3] == 0) wide = Charset.forName("UTF-32LE");
            else if (b[0] == 0 && b[2] == 0) wide = StandardCharsets.UTF_16BE;
            else if (b[1] == 0 && b[3] == 0) wide = StandardCharsets.UTF_16LE;
        }
        if (wide != null) return Jsoup.parse(new String(b, wide), "", Parser.xmlParser());
        try {
            return Jsoup.parse(new ByteArrayInputStream(b), null, "", Parser.xmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
