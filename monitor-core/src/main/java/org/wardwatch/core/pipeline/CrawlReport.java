package org.wardwatch.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wardwatch.core.source.SkippedItem;

/**
 * What one crawl of one account did: the JSON line {@code crawl --once} prints.
 *
 * @param skipped    every item seen and not stored, with its reason
 * @param error      the account-level error, or null
 * @param itemErrors problems with single posts or images; the rest of the account still counted
 */
public record CrawlReport(long accountId, String account, String platform, int newPosts, int media, int flagged,
                          List<SkippedItem> skipped, String error, List<String> itemErrors) {
    public CrawlReport {
        skipped = List.copyOf(skipped);
        itemErrors = List.copyOf(itemErrors);
    }

    /** How many items were skipped for each reason, most common first. */
    public Map<String, Integer> skippedByReason() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SkippedItem s : skipped) counts.merge(s.reason(), 1, Integer::sum);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
