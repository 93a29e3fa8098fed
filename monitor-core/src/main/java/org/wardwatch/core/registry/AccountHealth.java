package org.wardwatch.core.registry;

import java.time.Instant;

/** How crawling an account is going, for `accounts list` and the dashboard. */
public record AccountHealth(Instant lastCrawlAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                            long postsSeen, Instant nextRunAt, String optOuts) {
}
