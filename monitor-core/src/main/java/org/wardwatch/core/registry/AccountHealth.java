package org.wardwatch.core.registry;

import java.time.Instant;

/**
 * How crawling an account is going, for `accounts list` and the dashboard.
 *
 * @param lastSkipped items the last crawl saw and did not store (each logged with its reason)
 */
public record AccountHealth(Instant lastCrawlAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                            long postsSeen, Instant nextRunAt, String optOuts, int lastSkipped) {
}
