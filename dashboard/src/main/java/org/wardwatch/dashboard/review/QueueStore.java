package org.wardwatch.dashboard.review;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.Query;
import org.wardwatch.dashboard.review.QueuePage.Choice;
import org.wardwatch.dashboard.store.Rows;

/**
 * The review queue: cases sorted by risk, filtered and paged, with counts per status. The page is
 * found in two steps, ids first from {@code cases} alone (an index walk on status and risk), then
 * the details of just those fifty, so the page stays fast however large the table grows.
 */
public final class QueueStore {
    public static final List<String> SIGNALS = List.of("FACE", "PERSON", "WOUND_LIKE", "GEOTAGGED", "TEXT",
            "NHS_NUMBER", "DATE_OF_BIRTH", "AGE", "PERSON_NAME", "WARD_OR_BED", "CARE_EVENT", "PERINATAL",
            "HEALTH_DETAIL", "PATIENT_CONTEXT", "CONTENT_WARNING");

    private final Jdbi jdbi;

    public QueueStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param scope the one organisation the user may see, or null for all */
    public QueuePage page(QueueFilter filter, Long scope) {
        return jdbi.withHandle(h -> {
            List<String> combos = filter.signal() == null ? null : signalLists(h, filter.signal());
            Where where = where(filter, scope, true, combos);
            String idSql = "SELECT c.id FROM cases c" + where.sql
                    + " ORDER BY c.risk DESC, c.id DESC LIMIT " + QueueFilter.PAGE_SIZE
                    + " OFFSET " + (long) filter.page() * QueueFilter.PAGE_SIZE;
            List<Long> ids = bind(h.createQuery(idSql), where.args).mapTo(Long.class).list();
            List<QueueRow> rows = rows(h, ids);
            Map<CaseStatus, Long> counts = counts(h, filter, scope, combos);
            long total = filter.status() == null
                    ? counts.values().stream().mapToLong(Long::longValue).sum()
                    : counts.getOrDefault(filter.status(), 0L);
            return new QueuePage(filter, rows, counts, total, options(h, filter, scope));
        });
    }

    /** Rows for these case ids, in the given order (the API and bulk views reuse it). */
    public List<QueueRow> rows(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<QueueRow> found = h.createQuery("""
                        SELECT c.id, c.risk, c.status, c.dismiss_reason, c.reasons, c.signals, c.organisation_id,
                               o.name AS org_name, a.id AS account_id, a.name AS account_name, a.kind, a.platform,
                               p.published_at, p.first_seen_at,
                               (SELECT MIN(m.id) FROM media m WHERE m.post_id = c.post_id AND m.file_path IS NOT NULL
                                   AND m.purged_at IS NULL) AS media_id
                        FROM cases c
                        JOIN organisations o ON o.id = c.organisation_id
                        JOIN accounts a ON a.id = c.account_id
                        JOIN posts p ON p.id = c.post_id
                        WHERE c.id IN (<ids>)""")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    var posted = Rows.instant(rs, "published_at");
                    return new QueueRow(rs.getLong("id"), rs.getDouble("risk"),
                            CaseStatus.parse(rs.getString("status")).orElse(CaseStatus.OPEN),
                            rs.getString("dismiss_reason"), rs.getLong("organisation_id"), rs.getString("org_name"),
                            rs.getLong("account_id"), rs.getString("account_name"), rs.getString("kind"),
                            rs.getString("platform"), posted != null ? posted : Rows.instant(rs, "first_seen_at"),
                            Rows.longOrNull(rs, "media_id"), Reasons.inWords(rs.getString("reasons")),
                            Reasons.signals(rs.getString("signals")));
                }).list();
        Map<Long, QueueRow> byId = new java.util.HashMap<>();
        found.forEach(r -> byId.put(r.caseId(), r));
        List<QueueRow> ordered = new ArrayList<>();
        for (Long id : ids) if (byId.containsKey(id)) ordered.add(byId.get(id));
        return ordered;
    }

    /**
     * The stored signal lists (such as FACE,PERSON_NAME) that contain the signal. There are few
     * distinct lists, so matching them here and filtering with IN keeps the query on an index
     * instead of testing a pattern against every case.
     */
    private static List<String> signalLists(Handle h, String signal) {
        return h.createQuery("SELECT DISTINCT signals FROM cases").mapTo(String.class).list().stream()
                .filter(list -> list != null && Reasons.signals(list).contains(signal)).toList();
    }

    private Map<CaseStatus, Long> counts(Handle h, QueueFilter filter, Long scope, List<String> combos) {
        Where where = where(filter, scope, false, combos);
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        bind(h.createQuery("SELECT c.status, COUNT(*) AS n FROM cases c" + where.sql + " GROUP BY c.status"), where.args)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> CaseStatus.parse(e.getKey()).ifPresent(s -> counts.merge(s, e.getValue(), Long::sum)));
        return counts;
    }

    private QueuePage.FilterOptions options(Handle h, QueueFilter filter, Long scope) {
        List<Choice> orgs = h.createQuery("SELECT id, name FROM organisations"
                        + (scope == null ? "" : " WHERE id = :scope") + " ORDER BY name")
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .bind("scope", scope)
                .map((rs, ctx) -> new Choice(String.valueOf(rs.getLong("id")), rs.getString("name"))).list();
        Long org = scope != null ? scope : filter.organisationId();
        List<Choice> accounts = org == null ? List.of() : h.createQuery(
                        "SELECT id, name, platform FROM accounts WHERE organisation_id = :org ORDER BY name, platform")
                .bind("org", org)
                .map((rs, ctx) -> new Choice(String.valueOf(rs.getLong("id")),
                        rs.getString("name") + " (" + rs.getString("platform") + ")")).list();
        List<Choice> signals = SIGNALS.stream().map(s -> new Choice(s, Reasons.signalLabel(s))).toList();
        return new QueuePage.FilterOptions(orgs, accounts, signals);
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(QueueFilter f, Long scope, boolean withStatus, List<String> signalLists) {
        StringBuilder sql = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (withStatus && f.status() != null) {
            sql.append(" AND c.status = ?");
            args.add(f.status().id());
        }
        if (scope != null) {
            sql.append(" AND c.organisation_id = ?");
            args.add(scope);
        }
        if (f.organisationId() != null) {
            sql.append(" AND c.organisation_id = ?");
            args.add(f.organisationId());
        }
        if (f.accountId() != null) {
            sql.append(" AND c.account_id = ?");
            args.add(f.accountId());
        }
        if (f.kind() != null || f.platform() != null) {
            sql.append(" AND c.account_id IN (SELECT a.id FROM accounts a WHERE 1=1");
            if (f.kind() != null) {
                sql.append(" AND a.kind = ?");
                args.add(f.kind().id());
            }
            if (f.platform() != null) {
                sql.append(" AND a.platform = ?");
                args.add(f.platform().id());
            }
            sql.append(")");
        }
        if (f.signal() != null) {
            if (signalLists == null || signalLists.isEmpty()) {
                sql.append(" AND 1=0");
            } else {
                sql.append(" AND c.signals IN (").append(String.join(", ", java.util.Collections.nCopies(signalLists.size(), "?")))
                        .append(")");
                args.addAll(signalLists);
            }
        }
        if (f.from() != null || f.to() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM posts p WHERE p.id = c.post_id");
            if (f.from() != null) {
                sql.append(" AND COALESCE(p.published_at, p.first_seen_at) >= ?");
                args.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            if (f.to() != null) {
                sql.append(" AND COALESCE(p.published_at, p.first_seen_at) < ?");
                args.add(f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            sql.append(")");
        }
        return new Where(sql.toString(), args);
    }

    private static Query bind(Query q, List<Object> args) {
        for (int i = 0; i < args.size(); i++) q.bind(i, args.get(i));
        return q;
    }
}
