package org.wardwatch.crawler.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

import com.rometools.rome.io.impl.DateParser;

/**
 * The fields of one feed item read straight from its element (jsoup's tree, so it works whether or
 * not the feed is well-formed): RSS 0.9x-2.0, RSS 1.0, Atom 0.3 and 1.0 and CDF items. Elements are
 * matched by namespace where the feed declares it and by the usual prefix where it does not
 * ({@code dc:}, {@code content:}, {@code media:}), so a feed that forgot an {@code xmlns} still reads.
 */
final class ItemElement {
    enum Kind { MAIN, DC, CONTENT, XHTML, MEDIA, OTHER }

    private static final Map<String, Kind> NAMESPACES = Map.ofEntries(
            Map.entry("http://purl.org/rss/1.0/", Kind.MAIN), Map.entry("http://my.netscape.com/rdf/simple/0.9/", Kind.MAIN),
            Map.entry("http://backend.userland.com/rss2", Kind.MAIN), Map.entry("http://backend.userland.com/rss", Kind.MAIN),
            Map.entry("http://www.w3.org/2005/Atom", Kind.MAIN), Map.entry("http://purl.org/atom/ns#", Kind.MAIN),
            Map.entry("http://purl.org/dc/elements/1.1/", Kind.DC), Map.entry("http://purl.org/dc/terms/", Kind.DC),
            Map.entry("http://purl.org/rss/1.0/modules/content/", Kind.CONTENT),
            Map.entry("http://www.w3.org/1999/xhtml", Kind.XHTML),
            Map.entry("http://search.yahoo.com/mrss/", Kind.MEDIA), Map.entry("http://search.yahoo.com/mrss", Kind.MEDIA));
    private static final Map<String, Kind> PREFIXES = Map.of("atom", Kind.MAIN, "rss", Kind.MAIN, "dc", Kind.DC,
            "dcterms", Kind.DC, "content", Kind.CONTENT, "xhtml", Kind.XHTML, "media", Kind.MEDIA);
    /** Elements a broken title may have swallowed: their text is not the title's. */
    private static final Set<String> FIELDS = Set.of("link", "guid", "id", "description", "pubdate", "enclosure",
            "summary", "content", "encoded", "published", "updated");

    private final Element item;
    private final String documentBase;

    ItemElement(Element item, String documentBase) {
        this.item = item;
        this.documentBase = documentBase;
    }

    /** The item's own id: RSS guid, Atom id, or the rdf:about of an RSS 1.0 item. */
    String guid() {
        Element g = first(Kind.MAIN, "guid", "id");
        if (g != null && !g.text().isBlank()) return g.text().strip();
        String about = item.attr("rdf:about");
        return about.isBlank() ? null : about.strip();
    }

    /** The permalink: an Atom alternate link, an RSS link's text, or a CDF item's HREF; resolved. */
    String link() {
        for (Element l : all(Kind.MAIN, "link")) {
            String rel = l.attr("rel").strip().toLowerCase(Locale.ROOT);
            if (l.hasAttr("href") && (rel.isEmpty() || rel.equals("alternate"))) return FeedUrls.resolve(base(l), l.attr("href"));
        }
        for (Element l : all(Kind.MAIN, "link")) {
            if (!l.hasAttr("href") && !l.text().isBlank()) return FeedUrls.resolve(base(l), l.text());
        }
        if (item.hasAttr("href")) return FeedUrls.resolve(base(item), item.attr("href"));
        Element nested = first(Kind.MAIN, "link");
        if (nested == null) return null;
        return FeedUrls.resolve(base(nested), nested.hasAttr("href") ? nested.attr("href") : nested.text());
    }

    String title() {
        Element t = first(Kind.MAIN, "title");
        if (t == null) t = first(Kind.DC, "title");
        if (t == null) return "";
        boolean swallowed = t.children().stream().anyMatch(c -> FIELDS.contains(local(c)));
        return swallowed ? t.wholeOwnText().strip() : value(t);
    }

    /** The body: content:encoded, xhtml:body, Atom content; empty when there is none of them. */
    String content() {
        StringBuilder sb = new StringBuilder();
        for (Element c : item.children()) {
            Kind k = kind(c);
            String name = local(c);
            boolean body = (k == Kind.CONTENT && name.equals("encoded")) || (name.equals("body") && (k == Kind.XHTML || prefix(c).isEmpty()))
                    || (k == Kind.MAIN && name.equals("content"));
            if (body) {
                String v = value(c);
                if (!v.isBlank()) sb.append(v).append('\n');
            }
        }
        return sb.toString();
    }

    /** The summary: description, Atom summary, a CDF abstract, else dc:description. */
    String description() {
        Element d = first(Kind.MAIN, "description", "summary", "abstract");
        if (d == null) d = first(Kind.DC, "description");
        return d == null ? "" : value(d);
    }

    Element element() {
        return item;
    }

    /** The element the body came from, for the base its relative links resolve against. */
    String contentBase() {
        for (Element c : item.children()) {
            String name = local(c);
            if (name.equals("encoded") || name.equals("body") || (kind(c) == Kind.MAIN && name.equals("content"))) return base(c);
        }
        return base(item);
    }

    String base() {
        return base(item);
    }

    Instant published() {
        Instant t = date(first(Kind.MAIN, "pubdate", "published", "issued", "created"));
        if (t == null) t = date(first(Kind.DC, "date", "created", "issued"));
        if (t == null && item.hasAttr("lastmod")) t = date(item.attr("lastmod"));
        return t;
    }

    Instant updated() {
        Instant t = date(first(Kind.MAIN, "updated", "modified"));
        return t != null ? t : date(first(Kind.DC, "modified"));
    }

    /** Atom 0.3's issued: ROME takes its modified for the publication date instead. */
    Instant issued() {
        return date(first(Kind.MAIN, "issued", "created"));
    }

    /**
     * What an element holds, as HTML or text: markup inside it (XHTML content, or raw HTML a broken
     * feed did not escape) as written; base64 content (Atom 0.3 {@code mode="base64"}, or an Atom 1.0
     * type that is neither text nor XML) decoded when it is text.
     */
    static String value(Element e) {
        String mode = e.attr("mode").toLowerCase(Locale.ROOT);
        String type = e.attr("type").toLowerCase(Locale.ROOT).strip();
        if (mode.equals("base64") || base64Type(type)) {
            // binary content (an image as base64) is no caption
            String decoded = base64Text(e.wholeText());
            return decoded == null ? "" : decoded;
        }
        if (!e.children().isEmpty()) return e.html();
        return e.wholeText();
    }

    /** Atom 1.0 (RFC 4287, 4.1.3.3): a MIME type that is neither XML nor text/* means base64 content. */
    static boolean base64Type(String type) {
        if (type.isEmpty() || type.equals("text") || type.equals("html") || type.equals("xhtml")) return false;
        if (!type.contains("/")) return false;
        String t = type.replaceAll(";.*$", "").strip();
        return !t.startsWith("text/") && !t.endsWith("/xml") && !t.endsWith("+xml");
    }

    /** The text base64 content holds; null when it is not base64 or not UTF-8 text (an image, say). */
    static String base64Text(String raw) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(raw.strip());
            if (bytes.length == 0) return null;
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    private Element first(Kind kind, String... names) {
        for (String name : names) {
            for (Element c : item.children()) {
                if (matches(c, kind, name)) return c;
            }
        }
        // a broken feed may have nested a field in another (an unclosed title): look deeper, but not
        // into an Atom source or author, whose title and id are another feed's or a person's
        for (String name : names) {
            for (Element c : item.getAllElements()) {
                if (c != item && matches(c, kind, name) && !insideSourceOrAuthor(c)) return c;
            }
        }
        return null;
    }

    private boolean insideSourceOrAuthor(Element e) {
        for (Element x = e.parent(); x != null && x != item; x = x.parent()) {
            String n = local(x);
            if (n.equals("source") || n.equals("author") || n.equals("contributor")) return true;
        }
        return false;
    }

    List<Element> all(Kind kind, String name) {
        List<Element> out = new ArrayList<>();
        for (Element c : item.children()) {
            if (matches(c, kind, name)) out.add(c);
        }
        return out;
    }

    private static boolean matches(Element e, Kind kind, String name) {
        return local(e).equals(name) && kind(e) == kind;
    }

    private static Instant date(Element e) {
        return e == null ? null : date(e.text());
    }

    private static Instant date(String s) {
        if (s == null || s.isBlank()) return null;
        Date d = DateParser.parseDate(s.strip(), Locale.US);
        return d == null ? null : d.toInstant();
    }

    /** The element's name without its prefix, in lower case (CDF writes ITEM, TITLE). */
    static String local(Element e) {
        String n = e.normalName();
        int colon = n.lastIndexOf(':');
        return colon < 0 ? n : n.substring(colon + 1);
    }

    private static String prefix(Element e) {
        String n = e.tagName();
        int colon = n.lastIndexOf(':');
        return colon < 0 ? "" : n.substring(0, colon);
    }

    /**
     * What vocabulary an element is from: by the namespace its prefix is bound to, else (a feed that
     * forgot to declare it) by the prefix's usual meaning. An element without a prefix is the feed's
     * own (RSS or Atom) unless its namespace says otherwise, whatever default namespace was declared.
     */
    static Kind kind(Element e) {
        String prefix = prefix(e);
        String uri = namespace(e, prefix);
        Kind known = uri == null ? null : NAMESPACES.get(uri);
        if (prefix.isEmpty()) return known == Kind.XHTML || known == null ? Kind.MAIN : known;
        if (known != null) return known;
        return uri == null ? PREFIXES.getOrDefault(prefix.toLowerCase(Locale.ROOT), Kind.OTHER) : Kind.OTHER;
    }

    private static String namespace(Element e, String prefix) {
        String attr = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        for (Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr(attr)) return x.attr(attr).strip();
        }
        return null;
    }

    /**
     * The base an element's relative links resolve against: each xml:base from the document down to
     * the element, applied in turn to the document's own base (its Content-Location, else its URL).
     * An xml:base on the entry thus comes before one on the feed.
     */
    String base(Element e) {
        List<String> bases = new ArrayList<>();
        for (Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr("xml:base")) bases.add(0, x.attr("xml:base"));
            // CDF's own form: BASE on a CHANNEL
            else if (local(x).equals("channel") && x.hasAttr("base")) bases.add(0, x.attr("base"));
        }
        String base = documentBase;
        for (String b : bases) {
            String r = FeedUrls.resolve(base, b);
            if (r != null) base = r;
        }
        return base;
    }
}
