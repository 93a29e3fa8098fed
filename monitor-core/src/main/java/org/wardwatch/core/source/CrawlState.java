package org.wardwatch.core.source;

/**
 * What a source remembers about an account between crawls, so a routine crawl reads only what is new.
 *
 * @param cursor     the newest id, cursor or date the source saw, in its own format; null before the first crawl
 * @param externalAccountId the platform's id for the account (Mastodon id, Bluesky DID, X user id)
 */
public record CrawlState(String cursor, String externalAccountId) {
    public static final CrawlState FIRST = new CrawlState(null, null);

    public boolean firstCrawl() {
        return cursor == null;
    }
}
