package org.wardwatch.crawler.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads feeds the strict path cannot: text that is not well-formed XML (truncated, unclosed tags,
 * bare ampersands, garbage after the root) and shapes ROME does not know (CDF, an unusual Atom 0.3
 * or RSS 0.9x), with jsoup's forgiving XML parser, which closes what was left open. An item is any
 * element named item or entry, in any namespace and any case, that is not inside another one: the
 * same census the strict path is checked against.
 */
final class LenientFeedReader {
    private LenientFeedReader() {
    }

    static Document parse(String text) {
        Document d = Jsoup.parse(text, "", Parser.xmlParser());
        // bodies are read back as HTML: as written, without indentation added
        d.outputSettings().prettyPrint(false);
        return d;
    }

    /** The item and entry elements not inside another, in document order. */
    static List<Element> items(Document d) {
        List<Element> out = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(d);
        // by hand rather than recursively: a hostile document may nest ten thousand deep
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            String name = ItemElement.local(e);
            if (e != d && (name.equals("item") || name.equals("entry"))) {
                out.add(e);
                continue;
            }
            List<Element> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) stack.push(children.get(i));
        }
        return out;
    }

    static FeedItem read(Element item, int position, String documentBase) {
        ItemElement el = new ItemElement(item, documentBase);
        ItemMedia media = new ItemMedia(el);
        String body = body(el.content(), el.description());
        return new FeedItem(position, el.guid(), el.link(), el.title(), body, el.published(), el.updated(),
                media.enclosureUrls(), media.images(body, el.contentBase()));
    }

    /**
     * The fullest HTML an item has: its content, else its description. A summary beside the content
     * may carry an image the content lacks, so its images are kept; its text is not (it repeats).
     */
    static String body(String content, String description) {
        if (content == null || content.isBlank()) return description == null ? "" : description;
        if (description != null && description.contains("<img")) {
            return content + "\n" + description.substring(description.indexOf("<img"));
        }
        return content;
    }
}
