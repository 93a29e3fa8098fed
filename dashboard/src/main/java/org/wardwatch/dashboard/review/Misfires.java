package org.wardwatch.dashboard.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * How often each signal led to a dismissal, and why: the signals reviewers keep dismissing are the
 * ones to tune.
 */
public final class Misfires {
    private final Jdbi jdbi;

    public Misfires(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record SignalCount(String signal, String label, long flagged, long dismissed, Map<String, Long> byReason) {
        public int dismissedPercent() {
            return flagged == 0 ? 0 : (int) Math.round(100.0 * dismissed / flagged);
        }
    }

    /** @param scope one organisation, or null for all */
    public List<SignalCount> bySignal(Long scope) {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT signals, status, dismiss_reason, COUNT(*) AS n FROM cases"
                        + (scope == null ? "" : " WHERE organisation_id = :scope")
                        + " GROUP BY signals, status, dismiss_reason")
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .bind("scope", scope)
                .map((rs, ctx) -> new Object[] {rs.getString("signals"), rs.getString("status"),
                        rs.getString("dismiss_reason"), rs.getLong("n")})
                .forEach(r -> {
                    long n = (Long) r[3];
                    boolean dismissed = "dismissed".equals(r[1]);
                    for (String s : Reasons.signals((String) r[0])) {
                        long[] t = totals.computeIfAbsent(s, k -> new long[2]);
                        t[0] += n;
                        if (dismissed) {
                            t[1] += n;
                            String why = r[2] == null ? "no reason" : (String) r[2];
                            reasons.computeIfAbsent(s, k -> new TreeMap<>()).merge(why, n, Long::sum);
                        }
                    }
                }));
        List<SignalCount> out = new ArrayList<>();
        totals.forEach((s, t) -> out.add(new SignalCount(s, Reasons.signalLabel(s), t[0], t[1],
                reasons.getOrDefault(s, Map.of()))));
        out.sort((a, b) -> Long.compare(b.dismissed(), a.dismissed()));
        return out;
    }
}
