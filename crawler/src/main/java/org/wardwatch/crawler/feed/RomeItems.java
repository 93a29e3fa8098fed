package org.wardwatch.crawler.feed;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;

/**
 * One entry as ROME read it (link, title, content, description, dates: its parsers know every
 * RSS and Atom version's names for these), completed from the item's own element where ROME leaves
 * something out: {@code dc:title} and {@code dc:description} in RSS 0.9x, {@code xhtml:body},
 * relative links, Atom 1.0 base64 content, Atom 0.3's issued date. Enclosures and images come from
 * the element for both readers, so an item has the same id whichever read it.
 */
final class RomeItems {
    private RomeItems() {
    }

    static FeedItem read(SyndEntry e, ItemElement el, int position, boolean atom03) {
        String link = e.getLink() == null || e.getLink().isBlank() ? el.link() : FeedUrls.resolve(el.base(), e.getLink());
        String title = e.getTitle() == null || e.getTitle().isBlank() ? el.title() : e.getTitle();

        StringBuilder content = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            String v = value(c);
            if (!v.isBlank()) content.append(v).append('\n');
        }
        if (content.length() == 0) content.append(el.content());
        String description = e.getDescription() == null ? null : value(e.getDescription());
        if (description == null || description.isBlank()) description = el.description();
        String body = LenientFeedReader.body(content.toString(), description);

        Instant published = instant(e.getPublishedDate());
        Instant updated = instant(e.getUpdatedDate());
        if (atom03) {
            // ROME gives Atom 0.3's modified as the publication date; issued is when it was published
            Instant issued = el.issued();
            if (issued != null) published = issued;
            updated = el.updated();
        }
        if (published == null) published = el.published();
        if (updated == null) updated = el.updated();
        ItemMedia media = new ItemMedia(el);
        // the guid from the element: ROME makes up one from the link for RSS 0.91 items that have none
        return new FeedItem(position, el.guid(), link, title, body, published, updated, media.enclosureUrls(),
                media.images(body, el.contentBase()));
    }

    /** Content as text or HTML: base64 that ROME left encoded is decoded, binary content is no text. */
    private static String value(SyndContent c) {
        String v = c.getValue() == null ? "" : c.getValue();
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT).strip();
        if ("base64".equalsIgnoreCase(c.getMode())) {
            // ROME decoded it already; what it decoded is text only if the type says so
            return ItemElement.base64Type(type) ? "" : v;
        }
        if (ItemElement.base64Type(type)) {
            String decoded = ItemElement.base64Text(v);
            return decoded == null ? "" : decoded;
        }
        return v;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
