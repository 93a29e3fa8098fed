package org.wardwatch.dashboard.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.dashboard.store.Rows;

/**
 * The audit trail in {@code audit_events}: who signed in, revealed an image, decided a case, raised
 * or sent a request, exported figures. Written in the same breath as the action it records.
 */
public final class AuditLog {
    public static final int PAGE_SIZE = 100;

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record Event(long id, Instant at, String actor, String action, String entityType, Long entityId,
                        Long organisationId, String organisationName, String detail) {
    }

    public void record(String actor, String action, String entityType, Long entityId, Long organisationId,
                       String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_events (at, actor, action, entity_type, entity_id, organisation_id, detail)
                        VALUES (:at, :actor, :action, :type, :eid, :org, :detail)""")
                .bind("at", Rows.ts(clock.instant())).bind("actor", cut(actor, 100)).bind("action", action)
                .bind("type", entityType).bind("eid", entityId).bind("org", organisationId)
                .bind("detail", detail == null ? null : cut(detail, 2000)).execute());
    }

    /** Newest first, optionally one action and/or one actor only. */
    public List<Event> page(String action, String actor, int page) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.*, o.name AS org_name FROM audit_events e
                LEFT JOIN organisations o ON o.id = e.organisation_id WHERE 1=1""");
        List<Object> args = new ArrayList<>();
        if (action != null && !action.isBlank()) {
            sql.append(" AND e.action = ?");
            args.add(action);
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND e.actor = ?");
            args.add(actor);
        }
        sql.append(" ORDER BY e.at DESC, e.id DESC LIMIT ").append(PAGE_SIZE + 1)
                .append(" OFFSET ").append((long) Math.max(0, page) * PAGE_SIZE);
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString());
            for (int i = 0; i < args.size(); i++) q.bind(i, args.get(i));
            return q.map((rs, ctx) -> new Event(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("actor"),
                    rs.getString("action"), rs.getString("entity_type"), Rows.longOrNull(rs, "entity_id"),
                    Rows.longOrNull(rs, "organisation_id"), rs.getString("org_name"), rs.getString("detail"))).list();
        });
    }

    public List<String> actions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_events ORDER BY action")
                .mapTo(String.class).list());
    }

    /** Events about one entity, oldest first (a case's decisions and reveals for its timeline). */
    public List<Event> about(String entityType, long entityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT e.*, NULL AS org_name FROM audit_events e
                        WHERE e.entity_type = :t AND e.entity_id = :id ORDER BY e.at, e.id""")
                .bind("t", entityType).bind("id", entityId)
                .map((rs, ctx) -> new Event(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity_type"), Rows.longOrNull(rs, "entity_id"),
                        Rows.longOrNull(rs, "organisation_id"), null, rs.getString("detail"))).list());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
