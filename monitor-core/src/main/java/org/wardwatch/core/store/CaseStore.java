package org.wardwatch.core.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.risk.RiskDecision;

/**
 * Cases: one per flagged post. A fresh analysis updates an open case's risk and reasons; a case a
 * reviewer has already decided keeps its decision.
 */
public final class CaseStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public CaseStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @return the case id, and whether it was created now */
    public record Opened(long caseId, boolean created) {
    }

    public Opened open(long postId, long accountId, RiskDecision decision) {
        return jdbi.inTransaction(h -> open(h, postId, accountId, decision));
    }

    /** Opens or updates the post's case inside the caller's transaction. */
    Opened open(Handle h, long postId, long accountId, RiskDecision decision) {
        Instant now = clock.instant();
        // in words only: the spans a reason quotes are patient content, kept (encrypted) in the findings
        String reasons = PostStore.json(decision.storedReasons());
        String signals = String.join(",", decision.signals());
        Optional<Long> existing = h.createQuery("SELECT id FROM cases WHERE post_id = :p").bind("p", postId)
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            h.createUpdate("UPDATE cases SET risk = :risk, reasons = :reasons, signals = :signals, updated_at = :now "
                            + "WHERE id = :id AND status = 'open'")
                    .bind("risk", decision.risk()).bind("reasons", reasons).bind("signals", signals)
                    .bind("now", now).bind("id", existing.get()).execute();
            return new Opened(existing.get(), false);
        }
        long id = h.createUpdate("INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, signals, status, "
                        + "created_at, updated_at) SELECT :p, a.organisation_id, a.id, :risk, :reasons, :signals, 'open', "
                        + ":now, :now FROM accounts a WHERE a.id = :account")
                .bind("p", postId).bind("account", accountId).bind("risk", decision.risk()).bind("reasons", reasons)
                .bind("signals", signals).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Opened(id, true);
    }
}
