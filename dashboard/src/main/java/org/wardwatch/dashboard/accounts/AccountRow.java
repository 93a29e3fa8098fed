package org.wardwatch.dashboard.accounts;

import java.time.Instant;

/** One account in the registry with its crawl health. */
public record AccountRow(long id, long organisationId, String organisationName, String odsCode, String name,
                         String kind, String serviceType, String platform, String handle, String baseUrl,
                         String contactEmail, boolean active, Instant lastCrawlAt, Instant lastSuccessAt,
                         String lastError, Instant lastErrorAt, long postsSeen, Instant nextRunAt, int lastSkipped) {

    /** ok, failing (the last crawl failed), never (not crawled yet) or inactive. */
    public String health() {
        if (!active) return "inactive";
        if (lastCrawlAt == null) return "never";
        if (lastErrorAt != null && (lastSuccessAt == null || lastErrorAt.isAfter(lastSuccessAt))) return "failing";
        return "ok";
    }
}
