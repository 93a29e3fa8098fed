package org.wardwatch.core.pipeline;

import java.util.List;

/**
 * What one crawl of one account did: the JSON line {@code crawl --once} prints.
 *
 * @param error      the account-level error, or null
 * @param itemErrors problems with single posts or images; the rest of the account still counted
 */
public record CrawlReport(long accountId, String account, String platform, int newPosts, int media, int flagged,
                          String error, List<String> itemErrors) {
    public CrawlReport {
        itemErrors = List.copyOf(itemErrors);
    }
}
