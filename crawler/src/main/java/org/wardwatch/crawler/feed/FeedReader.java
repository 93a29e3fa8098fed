package org.wardwatch.crawler.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jdom2.filter.Filters;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * The items of a decoded feed. A well-formed feed ROME knows is read by ROME; any other, and any in
 * which ROME finds fewer or more items than the document holds (an item outside its channel), is
 * read leniently, with one line saying why. Every item element is counted: each becomes a
 * {@link FeedItem} or, if it cannot be read, a {@link SkippedItem} saying what is wrong.
 */
final class FeedReader {
    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed", "channel");

    private FeedReader() {
    }

    /**
     * @param notes one line per thing worth telling about the feed as a whole (read leniently)
     */
    record Items(List<FeedItem> items, List<SkippedItem> unreadable, List<String> notes) {
        int seen() {
            return items.size() + unreadable.size();
        }
    }

    /**
     * @param documentBase what relative links resolve against when no xml:base says otherwise: the
     *                     Content-Location, else the feed's URL
     */
    static Items read(String text, String documentBase, String url) throws SourceException {
        Document loose = LenientFeedReader.parse(text);
        List<Element> census = LenientFeedReader.items(loose);
        String why;
        SafeXml.XmlProblem problem = null;
        String root = null;
        try {
            org.jdom2.Document doc = SafeXml.parse(XmlRepair.repair(text));
            root = doc.getRootElement().getQualifiedName();
            joinBase64Lines(doc);
            SyndFeed feed = new SyndFeedInput().build(doc);
            int n = feed.getEntries().size();
            if (n == census.size()) return strict(feed, census, documentBase);
            why = "read by ROME as " + n + " of its " + census.size() + " items";
        } catch (SafeXml.XmlProblem p) {
            problem = p;
            why = (p.limit() ? "beyond the XML parser's safety limits (" : "not well-formed XML (") + p.where() + ")";
        } catch (IllegalArgumentException e) {
            // ROME's word for a root it does not know is "Invalid document"
            why = "Invalid document".equals(e.getMessage()) ? "not RSS or Atom that ROME reads (root element <" + root + ">)"
                    : "not readable by ROME (" + oneLine(e) + ")";
        } catch (FeedException e) {
            why = "not readable by ROME (" + oneLine(e) + ")";
        } catch (RuntimeException e) {
            // a fault inside ROME on a shape it did not expect: its class says more than its message
            why = "not readable by ROME (" + e.getClass().getSimpleName() + ": " + oneLine(e) + ")";
        }
        if (census.isEmpty()) {
            if (problem != null) throw new SourceException("malformed feed at " + url + ": " + problem.where());
            // a well-formed feed of a version ROME does not know (rss version="0.95") that holds no
            // item yet is an empty feed, not a failure; any other document is not a feed
            if (root != null && FEED_ROOTS.contains(root.replaceFirst("^.*:", "").toLowerCase(Locale.ROOT))) {
                return new Items(List.of(), List.of(), List.of("feed " + url + " is " + why + "; read leniently: 0 items"));
            }
            throw new SourceException("not a feed at " + url + ": it is " + why + " and has no item or entry");
        }
        Items items = lenient(census, documentBase);
        List<String> notes = new ArrayList<>(items.notes());
        notes.add(0, "feed " + url + " is " + why + "; read leniently: " + census.size()
                + (census.size() == 1 ? " item" : " items"));
        return new Items(items.items(), items.unreadable(), notes);
    }

    /** ROME's base64 decoder fails at the first line break, and MIME-style base64 is broken into lines. */
    private static void joinBase64Lines(org.jdom2.Document doc) {
        List<org.jdom2.Element> encoded = new ArrayList<>();
        for (org.jdom2.Element e : doc.getDescendants(Filters.element())) {
            if ("base64".equalsIgnoreCase(e.getAttributeValue("mode"))) encoded.add(e);
        }
        for (org.jdom2.Element e : encoded) e.setText(e.getText().replaceAll("\\s+", ""));
    }

    private static Items strict(SyndFeed feed, List<Element> census, String documentBase) {
        boolean atom03 = "atom_0.3".equals(feed.getFeedType());
        List<FeedItem> items = new ArrayList<>();
        List<SkippedItem> unreadable = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            try {
                items.add(RomeItems.read(entries.get(i), new ItemElement(census.get(i), documentBase), i + 1, atom03));
            } catch (RuntimeException e) {
                unreadable.add(new SkippedItem("feed item " + (i + 1), "unreadable item: " + oneLine(e)));
            }
        }
        return new Items(items, unreadable, List.of());
    }

    private static Items lenient(List<Element> census, String documentBase) {
        List<FeedItem> items = new ArrayList<>();
        List<SkippedItem> unreadable = new ArrayList<>();
        for (int i = 0; i < census.size(); i++) {
            try {
                items.add(LenientFeedReader.read(census.get(i), i + 1, documentBase));
            } catch (RuntimeException e) {
                unreadable.add(new SkippedItem("feed item " + (i + 1), "unreadable item: " + oneLine(e)));
            }
        }
        return new Items(items, unreadable, List.of());
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m).strip();
    }
}
