package org.wardwatch.core.store;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

/** One row per crawl of an account: when, what it found, what went wrong. */
public final class CrawlRunStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public CrawlRunStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public long start(long accountId) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO crawl_runs (account_id, started_at) VALUES (:a, :now)")
                .bind("a", accountId).bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void finish(long runId, int newPosts, int media, int flagged, int errors, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE crawl_runs SET finished_at = :now, new_posts = :n, media_count = :m, "
                        + "flagged = :f, errors = :e, error = :error WHERE id = :id")
                .bind("now", clock.instant()).bind("n", newPosts).bind("m", media).bind("f", flagged).bind("e", errors)
                .bind("error", error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error)
                .bind("id", runId).execute());
    }
}
