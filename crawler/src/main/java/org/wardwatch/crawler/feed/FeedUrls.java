package org.wardwatch.crawler.feed;

import java.net.URI;

import okhttp3.HttpUrl;

/** Resolving the links a feed writes, which may be relative, against the base in force. */
final class FeedUrls {
    private FeedUrls() {
    }

    /**
     * {@code href} made absolute against {@code base}; an absolute URI of any scheme is kept as
     * written; null when it is blank or cannot be made absolute.
     */
    static String resolve(String base, String href) {
        if (href == null || href.isBlank()) return null;
        String h = href.strip();
        HttpUrl abs = HttpUrl.parse(h);
        if (abs != null) return abs.toString();
        if (h.matches("(?i)[a-z][a-z0-9+.-]*:.*")) return h;
        HttpUrl b = base == null ? null : HttpUrl.parse(base);
        if (b != null) {
            HttpUrl r = b.resolve(h);
            if (r != null) return r.toString();
        }
        try {
            return base == null ? null : URI.create(base).resolve(h).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
