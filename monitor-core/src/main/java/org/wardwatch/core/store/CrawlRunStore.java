package org.wardwatch.core.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.jdbi.v3.core.Jdbi;

/**
 * One row per crawl of an account: when, who ran it, what it found, what it skipped, what went
 * wrong. A run whose process died stays {@code running} until {@link #markInterrupted} sees it.
 */
public final class CrawlRunStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public CrawlRunStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What a finished run did. */
    public record Outcome(int newPosts, int media, int flagged, int skipped, int errors, String error) {
    }

    public long start(long accountId, String runner) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO crawl_runs (account_id, started_at, runner, status) "
                        + "VALUES (:a, :now, :runner, 'running')")
                .bind("a", accountId).bind("now", clock.instant()).bind("runner", runner)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void finish(long runId, Outcome o) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE crawl_runs SET finished_at = :now, new_posts = :n, media_count = :m, "
                        + "flagged = :f, skipped = :s, errors = :e, error = :error, status = :status WHERE id = :id")
                .bind("now", clock.instant()).bind("n", o.newPosts()).bind("m", o.media()).bind("f", o.flagged())
                .bind("s", o.skipped()).bind("e", o.errors())
                .bind("error", o.error() == null ? null : o.error().length() > 2000 ? o.error().substring(0, 2000) : o.error())
                .bind("status", o.error() == null ? "done" : "failed").bind("id", runId).execute());
    }

    /** A run left unfinished by a process that stopped. */
    public record Unfinished(long id, long accountId, String runner, Instant startedAt) {
    }

    /**
     * Marks as interrupted every unfinished run (of one account, or of all when {@code accountId} is
     * null) whose runner is gone, or that started longer ago than {@code staleAfter}: no crawl lives
     * that long, since its network part ends at the account deadline.
     *
     * @return the runs marked
     */
    public List<Unfinished> markInterrupted(Long accountId, Predicate<String> runnerGone, Duration staleAfter) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<Unfinished> open = h.createQuery("SELECT id, account_id, runner, started_at FROM crawl_runs "
                            + "WHERE status = 'running'" + (accountId == null ? "" : " AND account_id = :a"))
                    .bindMap(accountId == null ? java.util.Map.of() : java.util.Map.of("a", accountId))
                    .map((rs, ctx) -> new Unfinished(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()))
                    .list();
            List<Unfinished> dead = open.stream()
                    .filter(u -> u.runner() == null || runnerGone.test(u.runner()) || u.startedAt().isBefore(now.minus(staleAfter)))
                    .toList();
            for (Unfinished u : dead) {
                h.createUpdate("UPDATE crawl_runs SET status = 'interrupted', finished_at = :now, "
                                + "error = :why WHERE id = :id AND status = 'running'")
                        .bind("now", now).bind("id", u.id())
                        .bind("why", "interrupted: the process running it stopped" + (u.runner() == null ? "" : " (" + u.runner() + ")"))
                        .execute();
            }
            return dead;
        });
    }
}
