package org.wardwatch.dashboard.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.store.Rows;

/**
 * A reviewer's decisions on cases: confirm, dismiss with a reason, reopen. Each one is a guarded
 * update (only from the states it makes sense from, only within the user's organisation) and an
 * audit entry.
 */
public final class Decisions {
    /** Why a flag was wrong; counted per signal so misfiring signals show up. */
    public static final List<String> DISMISS_REASONS = List.of("staff only", "consent on file", "not a person",
            "no one identifiable", "not a patient setting", "already removed", "duplicate", "other");

    public enum Action { CONFIRM, DISMISS, REOPEN }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public Decisions(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applies one action to each case the user may review and that is in a state it applies to; returns how many changed. */
    public int apply(User user, Action action, List<Long> caseIds, String reason) {
        if (action == Action.DISMISS && (reason == null || !DISMISS_REASONS.contains(reason))) {
            throw new IllegalArgumentException("choose why the case is dismissed");
        }
        int changed = 0;
        for (long id : caseIds) if (applyOne(user, action, id, reason)) changed++;
        return changed;
    }

    private boolean applyOne(User user, Action action, long caseId, String reason) {
        Map.Entry<String, List<String>> to = switch (action) {
            case CONFIRM -> Map.entry("confirmed", List.of("open"));
            case DISMISS -> Map.entry("dismissed", List.of("open", "confirmed"));
            case REOPEN -> Map.entry("open", List.of("confirmed", "dismissed"));
        };
        Long org = jdbi.withHandle(h -> h.createQuery("SELECT organisation_id FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(Long.class).findOne().orElse(null));
        if (org == null || !user.mayReview(org)) return false;
        int n = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE cases SET status = :to, dismiss_reason = :reason, decided_by = :by, decided_at = :now,
                                         updated_at = :now
                        WHERE id = :id AND status IN (<from>)""")
                .bind("to", to.getKey()).bind("reason", action == Action.DISMISS ? reason : null)
                .bind("by", user.username()).bind("now", Rows.ts(clock.instant())).bind("id", caseId)
                .bindList("from", to.getValue()).execute());
        if (n == 0) return false;
        audit.record(user.username(), action.name().toLowerCase(java.util.Locale.ROOT), "case", caseId, org,
                action == Action.DISMISS ? "reason: " + reason : null);
        return true;
    }
}
