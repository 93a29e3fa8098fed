package org.wardwatch.dashboard.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.wardwatch.dashboard.store.Rows;

/** Removal requests and their events ({@code removal_requests}, {@code request_events}). */
public final class RequestStore {
    private static final String SELECT = """
            SELECT r.*, c.organisation_id, a.name AS account_name
            FROM removal_requests r JOIN cases c ON c.id = r.case_id JOIN accounts a ON a.id = c.account_id
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    public RequestStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public long create(long caseId, String recipient, String subject, String body, Instant dueAt, String actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO removal_requests (case_id, recipient, subject, body, status, due_at, raised_by,
                                                          raised_at, updated_at)
                            VALUES (:case, :to, :subject, :body, 'raised', :due, :by, :now, :now)""")
                    .bind("case", caseId).bind("to", recipient).bind("subject", subject).bind("body", body)
                    .bind("due", Rows.ts(dueAt)).bind("by", actor).bind("now", Rows.ts(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            event(h, id, RequestStatus.RAISED, actor, "to " + recipient, now);
            return id;
        });
    }

    /**
     * Moves a request from one of the given states to the next, with an event. Returns false when
     * the request was not in one of them (someone else moved it first).
     */
    public boolean transition(long id, List<RequestStatus> from, RequestStatus to, String actor, String note) {
        Instant now = clock.instant();
        String column = switch (to) {
            case SENT -> ", sent_at = :now";
            case ACKNOWLEDGED -> ", acknowledged_at = :now";
            case REMOVED -> ", removed_at = :now";
            default -> "";
        };
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE removal_requests SET status = :to, updated_at = :now" + column
                            + " WHERE id = :id AND status IN (<from>)")
                    .bind("to", to.id()).bind("now", Rows.ts(now)).bind("id", id)
                    .bindList("from", from.stream().map(RequestStatus::id).toList()).execute();
            if (n == 0) return false;
            event(h, id, to, actor, note, now);
            return true;
        });
    }

    /** Sets the due date (sending restarts the clock from the day it went out). */
    public void setDue(long id, Instant dueAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE removal_requests SET due_at = :due WHERE id = :id")
                .bind("due", Rows.ts(dueAt)).bind("id", id).execute());
    }

    /** Requests past their due date with the post still up become overdue; returns how many did. */
    public int markOverdue() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("""
                            SELECT id FROM removal_requests WHERE status IN ('sent', 'acknowledged') AND due_at < :now""")
                    .bind("now", Rows.ts(now)).mapTo(Long.class).list();
            for (long id : ids) {
                h.createUpdate("UPDATE removal_requests SET status = 'overdue', updated_at = :now WHERE id = :id")
                        .bind("now", Rows.ts(now)).bind("id", id).execute();
                event(h, id, RequestStatus.OVERDUE, "wardwatch", "due date passed with the post still up", now);
            }
            return ids.size();
        });
    }

    public Optional<RemovalRequest> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id)
                .map((rs, ctx) -> request(rs, List.of())).findOne()
                .map(r -> withEvents(h, List.of(r)).get(0)));
    }

    public List<RemovalRequest> forCase(long caseId) {
        return jdbi.withHandle(h -> withEvents(h, h.createQuery(SELECT + " WHERE r.case_id = :c ORDER BY r.raised_at, r.id")
                .bind("c", caseId).map((rs, ctx) -> request(rs, List.of())).list()));
    }

    /** Newest first; scope null means every organisation, status null every status. */
    public List<RemovalRequest> list(Long scope, RequestStatus status, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1=1");
        if (scope != null) sql.append(" AND c.organisation_id = :scope");
        if (status != null) sql.append(" AND r.status = :status");
        sql.append(" ORDER BY r.raised_at DESC, r.id DESC LIMIT ").append(limit);
        return jdbi.withHandle(h -> h.createQuery(sql.toString())
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .bind("scope", scope).bind("status", status == null ? null : status.id())
                .map((rs, ctx) -> request(rs, List.of())).list());
    }

    public Map<RequestStatus, Long> counts(Long scope) {
        String sql = "SELECT r.status, COUNT(*) AS n FROM removal_requests r JOIN cases c ON c.id = r.case_id"
                + (scope == null ? "" : " WHERE c.organisation_id = :scope") + " GROUP BY r.status";
        Map<RequestStatus, Long> out = new java.util.EnumMap<>(RequestStatus.class);
        jdbi.useHandle(h -> h.createQuery(sql).configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true)).bind("scope", scope)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> RequestStatus.parse(e.getKey()).ifPresent(s -> out.put(s, e.getValue()))));
        return out;
    }

    private static void event(Handle h, long requestId, RequestStatus status, String actor, String note, Instant at) {
        h.createUpdate("INSERT INTO request_events (request_id, at, status, actor, note) VALUES (:r, :at, :s, :a, :n)")
                .bind("r", requestId).bind("at", Rows.ts(at)).bind("s", status.id()).bind("a", actor)
                .bind("n", note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note).execute();
    }

    private static List<RemovalRequest> withEvents(Handle h, List<RemovalRequest> requests) {
        if (requests.isEmpty()) return requests;
        Map<Long, List<RemovalRequest.Event>> events = h.createQuery(
                        "SELECT * FROM request_events WHERE request_id IN (<ids>) ORDER BY at, id")
                .bindList("ids", requests.stream().map(RemovalRequest::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("request_id"), new RemovalRequest.Event(Rows.instant(rs, "at"),
                        RequestStatus.parse(rs.getString("status")).orElse(RequestStatus.RAISED),
                        rs.getString("actor"), rs.getString("note"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<RemovalRequest> out = new ArrayList<>();
        for (RemovalRequest r : requests) {
            out.add(new RemovalRequest(r.id(), r.caseId(), r.organisationId(), r.accountName(), r.recipient(),
                    r.subject(), r.body(), r.status(), r.dueAt(), r.raisedBy(), r.raisedAt(), r.sentAt(),
                    r.acknowledgedAt(), r.removedAt(), events.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    private static RemovalRequest request(ResultSet rs, List<RemovalRequest.Event> events) throws SQLException {
        return new RemovalRequest(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("organisation_id"),
                rs.getString("account_name"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                RequestStatus.parse(rs.getString("status")).orElse(RequestStatus.RAISED), Rows.instant(rs, "due_at"),
                rs.getString("raised_by"), Rows.instant(rs, "raised_at"), Rows.instant(rs, "sent_at"),
                Rows.instant(rs, "acknowledged_at"), Rows.instant(rs, "removed_at"), events);
    }
}
