package org.wardwatch.crawler.feed;

import org.wardwatch.core.source.CrawlBatch;

/**
 * One crawl of a feed with its accounting, for measuring ({@code wardwatch eval-feeds}): every item
 * the feed holds is a post, a repeat of a post the feed lists twice, or skipped with its reason.
 *
 * @param items   item and entry elements the feed holds, readable or not; 0 when it was unchanged
 * @param repeats items that were an earlier item of the same feed over again (stored once)
 */
public record FeedRead(CrawlBatch batch, int items, int repeats) {
    /** Items the batch accounts for: posts, repeats and skips. Equal to {@link #items()}. */
    public int accounted() {
        return batch.posts().size() + repeats + batch.skipped().size();
    }
}
