package org.wardwatch.core.source;

import java.util.List;

/**
 * The result of reading one account once.
 *
 * @param posts      posts read, newest first or in any order; re-reading a post is harmless
 * @param nextState  the state to keep for the next crawl
 * @param signals    the account's opt-out signals as seen now
 * @param itemErrors one line per item that could not be read; the other items still count
 */
public record CrawlBatch(List<FetchedPost> posts, CrawlState nextState, AccountSignals signals,
                         List<String> itemErrors) {
    public CrawlBatch {
        posts = List.copyOf(posts);
        signals = signals == null ? AccountSignals.NONE : signals;
        itemErrors = itemErrors == null ? List.of() : List.copyOf(itemErrors);
    }
}
