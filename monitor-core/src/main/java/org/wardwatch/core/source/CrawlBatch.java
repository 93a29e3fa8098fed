package org.wardwatch.core.source;

import java.util.List;

/**
 * The result of reading one account once.
 *
 * @param posts      posts read, newest first or in any order; re-reading a post is harmless
 * @param nextState  the state to keep for the next crawl
 * @param signals    the account's opt-out signals as seen now
 * @param itemErrors one line per problem with a post that is still stored (an attachment without a
 *                   URL); the other items still count
 * @param skipped    every item seen and not returned as a post, with the reason
 */
public record CrawlBatch(List<FetchedPost> posts, CrawlState nextState, AccountSignals signals,
                         List<String> itemErrors, List<SkippedItem> skipped) {
    public CrawlBatch {
        posts = List.copyOf(posts);
        signals = signals == null ? AccountSignals.NONE : signals;
        itemErrors = itemErrors == null ? List.of() : List.copyOf(itemErrors);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public CrawlBatch(List<FetchedPost> posts, CrawlState nextState, AccountSignals signals, List<String> itemErrors) {
        this(posts, nextState, signals, itemErrors, List.of());
    }
}
