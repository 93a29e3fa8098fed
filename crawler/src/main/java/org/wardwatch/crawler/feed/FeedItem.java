package org.wardwatch.crawler.feed;

import java.time.Instant;
import java.util.List;

import org.wardwatch.core.source.FetchedMedia;

/**
 * One item of a feed as read, before it has an id: what the strict and the lenient reader both say.
 *
 * @param position   its place in the feed, from 1
 * @param guid       its own id as written (RSS guid, Atom id, RSS 1.0 rdf:about); null when none
 * @param link       its permalink, resolved; null when none
 * @param title      its title, text or HTML
 * @param html       its fullest body: the content, else the description
 * @param enclosures every enclosure and Media RSS URL, image or not: they tell two items apart
 * @param media      the images: enclosures, Media RSS and {@code <img>} in the body
 */
record FeedItem(int position, String guid, String link, String title, String html, Instant published,
                Instant updated, List<String> enclosures, List<FetchedMedia> media) {
    FeedItem {
        guid = guid == null || guid.isBlank() ? null : guid.strip();
        title = title == null ? "" : title;
        html = html == null ? "" : html;
        enclosures = List.copyOf(enclosures);
        media = List.copyOf(media);
    }

    /** "feed item 7 (https://…/ward-7)" for skip lists: where it is and, shortened, what it is. */
    String label() {
        String what = link != null ? link : guid;
        if (what == null) return "feed item " + position;
        return "feed item " + position + " (" + (what.length() > 120 ? what.substring(0, 119) + "…" : what) + ")";
    }
}
