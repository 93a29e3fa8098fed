package org.wardwatch.core.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.digest.Digest.AccountCases;
import org.wardwatch.core.digest.Digest.CaseLine;
import org.wardwatch.core.digest.Digest.CrawlError;
import org.wardwatch.core.digest.Digest.Pending;
import org.wardwatch.core.digest.Digest.Removed;
import org.wardwatch.core.digest.Digest.SignalCount;

/**
 * Reads one organisation's week from the database into a {@link Digest}. It selects ids, signal
 * codes, account names and times only: captions, reasons and media are never read, so they cannot
 * leak into an email by mistake.
 */
public final class DigestBuilder {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final String dashboardUrl;

    /** @param dashboardUrl base address of the dashboard; a case's link is {@code <base>/cases/<id>} */
    public DigestBuilder(Jdbi jdbi, Clock clock, ZoneId zone, String dashboardUrl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
        this.dashboardUrl = dashboardUrl.replaceAll("/+$", "");
    }

    public ZoneId zone() {
        return zone;
    }

    public List<DigestOrganisation> organisations() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, ods_code, comms_email, extra_recipients FROM organisations ORDER BY name, id")
                .map((rs, ctx) -> organisation(rs)).list());
    }

    public Optional<DigestOrganisation> organisation(String ods) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, ods_code, comms_email, extra_recipients "
                        + "FROM organisations WHERE UPPER(ods_code) = UPPER(:ods)")
                .bind("ods", ods.strip()).map((rs, ctx) -> organisation(rs)).findOne());
    }

    public Optional<DigestOrganisation> organisation(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, ods_code, comms_email, extra_recipients "
                        + "FROM organisations WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> organisation(rs)).findOne());
    }

    private static DigestOrganisation organisation(ResultSet rs) throws SQLException {
        String extra = rs.getString("extra_recipients");
        List<String> extras = extra == null || extra.isBlank() ? List.of()
                : Arrays.stream(extra.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return new DigestOrganisation(rs.getLong("id"), rs.getString("name"), rs.getString("ods_code"),
                rs.getString("comms_email"), extras);
    }

    public Digest build(DigestOrganisation org, IsoWeek week) {
        OffsetDateTime start = utc(week.start(zone));
        OffsetDateTime end = utc(week.end(zone));
        OffsetDateTime now = utc(clock.instant());
        return jdbi.withHandle(h -> new Digest(org, week, newCases(h, org.id(), start, end),
                awaitingRemoval(h, org.id(), now), removed(h, org.id(), start, end), crawlErrors(h, org.id()),
                dashboardUrl));
    }

    private List<AccountCases> newCases(Handle h, long org, OffsetDateTime start, OffsetDateTime end) {
        record Row(long caseId, String account, String signals) {
        }
        List<Row> rows = h.createQuery("SELECT c.id, a.name AS account, c.signals FROM cases c "
                        + "JOIN accounts a ON a.id = c.account_id "
                        + "WHERE c.organisation_id = :org AND c.created_at >= :start AND c.created_at < :end "
                        + "AND c.status <> 'dismissed' ORDER BY a.name, c.id")
                .bind("org", org).bind("start", start).bind("end", end)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("account"), rs.getString("signals")))
                .list();
        Map<String, List<Row>> byAccount = new LinkedHashMap<>();
        for (Row r : rows) byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r);
        List<AccountCases> out = new ArrayList<>();
        byAccount.forEach((account, cases) -> {
            Map<String, Integer> perSignal = new LinkedHashMap<>();
            List<CaseLine> lines = new ArrayList<>();
            for (Row r : cases) {
                Set<String> words = signalWords(r.signals());
                words.forEach(w -> perSignal.merge(w, 1, Integer::sum));
                lines.add(new CaseLine(r.caseId(), String.join(", ", words), caseLink(r.caseId())));
            }
            List<SignalCount> signals = perSignal.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> new SignalCount(e.getKey(), e.getValue())).toList();
            out.add(new AccountCases(account, signals, lines));
        });
        out.sort(Comparator.comparingInt(AccountCases::count).reversed()); // stable: ties stay by name
        return out;
    }

    private static Set<String> signalWords(String signals) {
        Set<String> words = new LinkedHashSet<>();
        if (signals != null) {
            for (String code : signals.split(",")) if (!code.isBlank()) words.add(SignalWords.of(code));
        }
        if (words.isEmpty()) words.add("other signal");
        return words;
    }

    private List<Pending> awaitingRemoval(Handle h, long org, OffsetDateTime now) {
        // the latest request of each confirmed case, if any; a case whose post came down is not owed
        List<Pending> pending = h.createQuery("SELECT c.id, a.name AS account, r.status AS request_status, r.due_at "
                        + "FROM cases c JOIN accounts a ON a.id = c.account_id "
                        + "LEFT JOIN removal_requests r ON r.case_id = c.id "
                        + "AND r.id = (SELECT MAX(r2.id) FROM removal_requests r2 WHERE r2.case_id = c.id) "
                        + "WHERE c.organisation_id = :org AND c.status = 'confirmed' "
                        + "AND (r.id IS NULL OR r.status <> 'removed')")
                .bind("org", org)
                .map((rs, ctx) -> {
                    String status = rs.getString("request_status");
                    Instant due = instant(rs, "due_at");
                    boolean overdue = status != null && ("overdue".equals(status) || due.isBefore(now.toInstant()));
                    return new Pending(rs.getLong("id"), rs.getString("account"), requestState(status),
                            due == null ? null : due.atZone(zone).toLocalDate(), overdue, caseLink(rs.getLong("id")));
                })
                .list();
        List<Pending> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparing((Pending p) -> !p.overdue())
                .thenComparing(Pending::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Pending::caseId));
        return sorted;
    }

    private static String requestState(String status) {
        if (status == null) return "removal request not raised yet";
        return switch (status) {
            case "raised" -> "request raised, not sent yet";
            case "sent" -> "request sent";
            case "acknowledged" -> "owner acknowledged";
            case "refused" -> "owner refused";
            case "overdue" -> "request overdue";
            default -> "request " + SignalWords.of(status);
        };
    }

    private List<Removed> removed(Handle h, long org, OffsetDateTime start, OffsetDateTime end) {
        Map<Long, Removed> byCase = new LinkedHashMap<>();
        h.createQuery("SELECT c.id, a.name AS account, r.removed_at, p.deleted_at FROM cases c "
                        + "JOIN accounts a ON a.id = c.account_id JOIN posts p ON p.id = c.post_id "
                        + "LEFT JOIN removal_requests r ON r.case_id = c.id AND r.removed_at >= :start AND r.removed_at < :end "
                        + "WHERE c.organisation_id = :org AND c.status <> 'dismissed' "
                        + "AND (r.id IS NOT NULL OR (p.deleted_at >= :start AND p.deleted_at < :end)) "
                        + "ORDER BY a.name, c.id")
                .bind("org", org).bind("start", start).bind("end", end)
                .map((rs, ctx) -> {
                    Instant at = instant(rs, "removed_at");
                    if (at == null) at = instant(rs, "deleted_at");
                    long id = rs.getLong("id");
                    return new Removed(id, rs.getString("account"), at.atZone(zone).toLocalDate(), caseLink(id));
                })
                .forEach(r -> byCase.putIfAbsent(r.caseId(), r));
        return List.copyOf(byCase.values());
    }

    private List<CrawlError> crawlErrors(Handle h, long org) {
        return h.createQuery("SELECT a.name, a.platform, a.last_error_at, a.last_success_at FROM accounts a "
                        + "WHERE a.organisation_id = :org AND a.active AND a.last_error IS NOT NULL "
                        + "AND (a.last_success_at IS NULL OR a.last_error_at IS NULL OR a.last_error_at > a.last_success_at) "
                        + "ORDER BY a.name, a.id")
                .bind("org", org)
                .map((rs, ctx) -> new CrawlError(rs.getString("name"), rs.getString("platform"),
                        day(instant(rs, "last_error_at")), day(instant(rs, "last_success_at"))))
                .list();
    }

    private String caseLink(long caseId) {
        return dashboardUrl + "/cases/" + caseId;
    }

    private LocalDate day(Instant t) {
        return t == null ? null : t.atZone(zone).toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
