package org.wardwatch.crawler;

import java.time.Duration;
import java.time.Instant;

import org.wardwatch.core.config.WardWatchConfig;

/**
 * How far a crawl reads. A first crawl goes back {@code firstCrawlDays} or {@code firstCrawlMaxPosts},
 * whichever comes first; a routine crawl reads until it meets what it saw last time, but never more
 * than {@code routineMaxPosts} (a guard against a platform whose cursor never ends).
 *
 * @param pageSize posts asked for per page where the platform lets us choose
 */
public record CrawlLimits(int firstCrawlDays, int firstCrawlMaxPosts, int routineMaxPosts, int pageSize) {
    public static CrawlLimits from(WardWatchConfig.Crawl crawl) {
        return new CrawlLimits(crawl.firstCrawlDays(), crawl.firstCrawlMaxPosts(), 1000, 40);
    }

    public Instant firstCrawlCutoff(Instant now) {
        return now.minus(Duration.ofDays(firstCrawlDays));
    }

    public int maxPosts(boolean first) {
        return first ? firstCrawlMaxPosts : routineMaxPosts;
    }

    /** The page size, never more than the platform's own maximum. */
    public int pageSize(int platformMax) {
        return Math.max(1, Math.min(pageSize, platformMax));
    }
}
