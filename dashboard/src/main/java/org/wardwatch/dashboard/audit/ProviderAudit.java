package org.wardwatch.dashboard.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.wardwatch.dashboard.store.Rows;

/**
 * Per-provider figures for advocacy auditors: for each organisation and each month in which posts
 * were flagged, how many were flagged, confirmed as identifying a patient, removed, how long
 * removal took and how many confirmed posts are still up. Counts and durations only: no images,
 * no captions, no links.
 */
public final class ProviderAudit {
    private final Jdbi jdbi;

    public ProviderAudit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One organisation in one month, by the month its posts were flagged. */
    public record Row(long organisationId, String organisation, String odsCode, YearMonth month, long flagged,
                      long confirmed, long removed, Double medianDaysToRemoval, long stillLive) {
        public String medianText() {
            return medianDaysToRemoval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", medianDaysToRemoval);
        }
    }

    public record Totals(long flagged, long confirmed, long removed, Double medianDaysToRemoval, long stillLive) {
        public String medianText() {
            return medianDaysToRemoval == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", medianDaysToRemoval);
        }
    }

    public record Report(List<Row> rows, Totals totals, List<Row> byMonth, List<Option> organisations) {
    }

    public record Option(long id, String name) {
    }

    /**
     * @param organisationId one organisation, or null for all
     * @param from first month, inclusive (null: no lower bound)
     * @param to   last month, inclusive (null: no upper bound)
     */
    public Report report(Long organisationId, YearMonth from, YearMonth to) {
        record Fact(long org, String name, String ods, YearMonth month, boolean confirmed, boolean removed,
                    Double days, boolean live) {
        }
        List<Fact> facts = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT c.organisation_id, o.name, o.ods_code, c.created_at, c.status, c.decided_at,
                               p.deleted_at, p.status AS post_status,
                               (SELECT MIN(r.removed_at) FROM removal_requests r WHERE r.case_id = c.id) AS removed_at
                        FROM cases c JOIN organisations o ON o.id = c.organisation_id JOIN posts p ON p.id = c.post_id
                        WHERE c.created_at >= :from AND c.created_at < :to"""
                        + (organisationId == null ? "" : " AND c.organisation_id = :org"))
                .bind("from", Rows.ts(from == null ? Instant.EPOCH : from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .bind("to", Rows.ts(to == null ? Instant.parse("9999-01-01T00:00:00Z")
                        : to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .bind("org", organisationId)
                .map((rs, ctx) -> {
                    Instant created = Rows.instant(rs, "created_at");
                    String status = rs.getString("status");
                    boolean confirmed = "confirmed".equals(status) || "resolved".equals(status);
                    Instant deleted = Rows.instant(rs, "deleted_at");
                    Instant removedAt = Rows.instant(rs, "removed_at");
                    Instant gone = removedAt != null ? removedAt : deleted;
                    boolean removed = confirmed && (gone != null || "deleted".equals(rs.getString("post_status")));
                    Double days = removed && gone != null
                            ? Math.max(0, Duration.between(created, gone).toMinutes()) / 1440.0 : null;
                    return new Fact(rs.getLong("organisation_id"), rs.getString("name"), rs.getString("ods_code"),
                            YearMonth.from(created.atZone(ZoneOffset.UTC)), confirmed, removed, days,
                            confirmed && !removed);
                }).forEach(facts::add));

        Map<String, List<Fact>> groups = new HashMap<>();
        Map<YearMonth, List<Fact>> months = new HashMap<>();
        for (Fact f : facts) {
            groups.computeIfAbsent(f.org + "|" + f.month, k -> new ArrayList<>()).add(f);
            months.computeIfAbsent(f.month, k -> new ArrayList<>()).add(f);
        }
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(g -> {
            Fact any = g.get(0);
            rows.add(row(any.org, any.name, any.ods, any.month, g.stream().map(f -> new long[] {
                    f.confirmed ? 1 : 0, f.removed ? 1 : 0, f.live ? 1 : 0}).toList(),
                    g.stream().map(Fact::days).filter(java.util.Objects::nonNull).toList()));
        });
        rows.sort(Comparator.comparing(Row::organisation).thenComparing(Row::month));
        List<Row> byMonth = new ArrayList<>();
        months.forEach((m, g) -> byMonth.add(row(0, "All", "", m, g.stream().map(f -> new long[] {
                f.confirmed ? 1 : 0, f.removed ? 1 : 0, f.live ? 1 : 0}).toList(),
                g.stream().map(Fact::days).filter(java.util.Objects::nonNull).toList())));
        byMonth.sort(Comparator.comparing(Row::month));
        Row all = row(0, "All", "", YearMonth.now(), facts.stream().map(f -> new long[] {
                f.confirmed ? 1 : 0, f.removed ? 1 : 0, f.live ? 1 : 0}).toList(),
                facts.stream().map(Fact::days).filter(java.util.Objects::nonNull).toList());
        Totals totals = new Totals(all.flagged(), all.confirmed(), all.removed(), all.medianDaysToRemoval(), all.stillLive());
        List<Option> orgs = jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM organisations ORDER BY name")
                .map((rs, ctx) -> new Option(rs.getLong("id"), rs.getString("name"))).list());
        return new Report(rows, totals, byMonth, orgs);
    }

    private static Row row(long org, String name, String ods, YearMonth month, List<long[]> flags, List<Double> days) {
        long confirmed = 0, removed = 0, live = 0;
        for (long[] f : flags) {
            confirmed += f[0];
            removed += f[1];
            live += f[2];
        }
        return new Row(org, name, ods, month, flags.size(), confirmed, removed, median(days), live);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The report as CSV, one line per organisation and month. */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder("organisation,ods_code,month,flagged,confirmed,removed,median_days_to_removal,still_live\n");
        for (Row r : report.rows()) {
            out.append(csvField(r.organisation())).append(',').append(csvField(r.odsCode())).append(',')
                    .append(r.month()).append(',').append(r.flagged()).append(',').append(r.confirmed()).append(',')
                    .append(r.removed()).append(',').append(r.medianText()).append(',').append(r.stillLive()).append('\n');
        }
        return out.toString();
    }

    private static String csvField(String s) {
        if (s == null) return "";
        // a leading = + - @ would be run as a formula by a spreadsheet
        String v = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return v.matches(".*[\",\n\r].*") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
