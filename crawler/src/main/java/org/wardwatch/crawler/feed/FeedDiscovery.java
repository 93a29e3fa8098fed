package org.wardwatch.crawler.feed;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finding the feed of a web page, for an account registered by its site's address rather than its
 * feed's: the page's first {@code <link rel="alternate">} of type RSS or Atom, as browsers and feed
 * readers find it.
 */
final class FeedDiscovery {
    /** The first element after the prolog (declaration, comments, DOCTYPE, processing instructions). */
    private static final Pattern ROOT = Pattern.compile(
            "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z][\\w:.-]*)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_DOCTYPE = Pattern.compile("\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->)*<!DOCTYPE\\s+html\\b",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private FeedDiscovery() {
    }

    /**
     * Whether the text is an HTML page rather than a feed: by its root element, not its content type,
     * as servers label feeds text/html and pages text/xml often enough.
     */
    static boolean isHtmlPage(String text) {
        String head = text.length() > 65_536 ? text.substring(0, 65_536) : text;
        if (HTML_DOCTYPE.matcher(head).lookingAt()) return true;
        Matcher m = ROOT.matcher(head);
        return m.lookingAt() && Set.of("html", "head", "body").contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** The page's first RSS or Atom link, resolved against the page (and its {@code <base>}). */
    static Optional<String> feedLink(String html, String pageUrl) {
        Document d = Jsoup.parse(html, pageUrl);
        for (Element link : d.select("link[rel][type][href]")) {
            boolean alternate = false;
            for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) alternate |= rel.equals("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).replaceAll(";.*$", "").strip();
            if (alternate && (type.equals("application/rss+xml") || type.equals("application/atom+xml"))) {
                String href = link.absUrl("href");
                if (href.startsWith("http://") || href.startsWith("https://")) return Optional.of(href);
            }
        }
        return Optional.empty();
    }
}
