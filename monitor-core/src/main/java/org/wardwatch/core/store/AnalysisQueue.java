package org.wardwatch.core.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.risk.RiskDecision;
import org.wardwatch.core.store.PostStore.FindingRow;

/**
 * Posts stored but not yet analysed. Whoever analyses a post claims it first, so two processes
 * crawling the same account (a `crawl --once` beside `serve`, two nodes) never analyse it twice at
 * once; the analysis then commits findings, case and "analysed" in one transaction, so a crash at
 * any point leaves the post pending, never half-analysed, and a crash after the commit never
 * analyses it again.
 */
public final class AnalysisQueue {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lease;

    /** @param lease how long a claim by a process on another host holds before others may take it over */
    public AnalysisQueue(Jdbi jdbi, Clock clock, Duration lease) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lease = lease;
    }

    /** A pending post and who, if anyone, has claimed it. */
    public record Pending(long postId, long accountId, String claim, Instant claimedAt) {
    }

    /** Pending posts of one account, or of every account when {@code accountId} is null, oldest first. */
    public List<Pending> pending(Long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, account_id, analysis_claim, analysis_claimed_at FROM posts "
                        + "WHERE analysis_pending = TRUE" + (accountId == null ? "" : " AND account_id = :a") + " ORDER BY id")
                .bindMap(accountId == null ? java.util.Map.of() : java.util.Map.of("a", accountId))
                .map((rs, ctx) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list());
    }

    /**
     * Claims a pending post for the worker {@code me} when it is unclaimed, claimed by a process that
     * is gone, or claimed longer ago than the lease. The claim is a compare-and-set on the claim
     * seen, so of two processes taking over the same post only one wins.
     */
    public boolean claim(Pending p, String me, Predicate<String> runnerGone) {
        Instant now = clock.instant();
        boolean free = p.claim() == null || runnerGone.test(p.claim())
                || p.claimedAt() == null || p.claimedAt().isBefore(now.minus(lease));
        if (!free) return false;
        return jdbi.withHandle(h -> h.createUpdate("UPDATE posts SET analysis_claim = :me, analysis_claimed_at = :now "
                        + "WHERE id = :id AND analysis_pending = TRUE AND "
                        + (p.claim() == null ? "analysis_claim IS NULL" : "analysis_claim = :seen"))
                .bind("me", me).bind("now", now).bind("id", p.postId()).bind("seen", p.claim())
                .execute()) == 1;
    }

    /**
     * Records an analysis: the findings replace the old ones, a flagged post opens (or updates) its
     * case, and the post is no longer pending unless some of its images are still to be fetched.
     *
     * @param decision the risk decision; a case is opened or updated only when it flags the post
     * @return the case opened or updated, or null
     */
    public CaseStore.Opened complete(long postId, long accountId, List<FindingRow> findings, RiskDecision decision,
                                     boolean mediaComplete, PostStore posts, CaseStore cases) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            posts.replaceFindings(h, postId, findings, now);
            CaseStore.Opened opened = decision.flagged() ? cases.open(h, postId, accountId, decision) : null;
            h.createUpdate("UPDATE posts SET analysis_pending = :pending, analysed_at = :now, analysis_claim = NULL, "
                            + "analysis_claimed_at = NULL WHERE id = :id")
                    .bind("pending", !mediaComplete).bind("now", now).bind("id", postId).execute();
            return opened;
        });
    }

    /** Gives a claim back without analysing (the post stays pending for the next crawl). */
    public void release(long postId, String me) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE posts SET analysis_claim = NULL, analysis_claimed_at = NULL "
                + "WHERE id = :id AND analysis_claim = :me").bind("id", postId).bind("me", me).execute());
    }
}
