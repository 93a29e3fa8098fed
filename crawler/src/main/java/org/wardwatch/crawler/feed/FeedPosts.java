package org.wardwatch.crawler.feed;

import java.time.Instant;

import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.html.HtmlContent;

/** A feed item as the post it is stored as: its id, permalink, dates, text (title and body) and images. */
final class FeedPosts {
    private FeedPosts() {
    }

    static FetchedPost post(ItemIdentity.Keyed keyed) {
        FeedItem item = keyed.item();
        String guid = item.guid();
        String permalink = item.link() != null ? item.link()
                : guid != null && guid.regionMatches(true, 0, "http", 0, 4) ? guid : null;
        Instant published = item.published() != null ? item.published() : item.updated();
        Instant edited = item.updated() != null && !item.updated().equals(published) ? item.updated() : null;
        String title = HtmlContent.text(item.title());
        String text = HtmlContent.text(item.html());
        String all = title.isBlank() || text.startsWith(title) ? text : text.isBlank() ? title : title + "\n\n" + text;
        return new FetchedPost(keyed.id(), permalink, published, edited, all, item.media(), null);
    }
}
