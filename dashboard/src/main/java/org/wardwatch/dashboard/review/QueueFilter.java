package org.wardwatch.dashboard.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;

/**
 * What the queue is narrowed to. Built from query parameters; a value that does not parse is
 * dropped (and named in {@link #ignored}) rather than failing the page.
 *
 * @param status null means every status
 * @param from   post date from, inclusive (UTC day)
 * @param to     post date to, inclusive (UTC day)
 */
public record QueueFilter(Long organisationId, Long accountId, AccountKind kind, Platform platform, String signal,
                          CaseStatus status, LocalDate from, LocalDate to, int page, List<String> ignored) {
    public static final int PAGE_SIZE = 50;

    public QueueFilter {
        page = Math.max(0, page);
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
        signal = signal == null || signal.isBlank() ? null : signal.strip().toUpperCase(Locale.ROOT);
    }

    public static QueueFilter open() {
        return new QueueFilter(null, null, null, null, null, CaseStatus.OPEN, null, null, 0, List.of());
    }

    /** From request parameters: org, account, kind, platform, signal, status (open by default; "all"), from, to, page. */
    public static QueueFilter parse(Function<String, String> param) {
        List<String> ignored = new ArrayList<>();
        Long org = number(param.apply("org"), "org", ignored);
        Long account = number(param.apply("account"), "account", ignored);
        AccountKind kind = null;
        String k = blank(param.apply("kind"));
        if (k != null) kind = AccountKind.parse(k).orElseGet(() -> {
            ignored.add("kind");
            return null;
        });
        Platform platform = null;
        String p = blank(param.apply("platform"));
        if (p != null) platform = Platform.parse(p).orElseGet(() -> {
            ignored.add("platform");
            return null;
        });
        String signal = blank(param.apply("signal"));
        if (signal != null && !signal.matches("[A-Za-z_]{1,40}")) {
            ignored.add("signal");
            signal = null;
        }
        String s = blank(param.apply("status"));
        CaseStatus status = CaseStatus.OPEN;
        if ("all".equalsIgnoreCase(s)) status = null;
        else if (s != null) status = CaseStatus.parse(s).orElseGet(() -> {
            ignored.add("status");
            return CaseStatus.OPEN;
        });
        LocalDate from = date(param.apply("from"), "from", ignored);
        LocalDate to = date(param.apply("to"), "to", ignored);
        Long page = number(param.apply("page"), "page", ignored);
        return new QueueFilter(org, account, kind, platform, signal, status, from, to,
                page == null ? 0 : (int) Math.min(page, 100_000), ignored);
    }

    public QueueFilter withPage(int newPage) {
        return new QueueFilter(organisationId, accountId, kind, platform, signal, status, from, to, newPage, ignored);
    }

    public QueueFilter withStatus(CaseStatus newStatus) {
        return new QueueFilter(organisationId, accountId, kind, platform, signal, newStatus, from, to, 0, ignored);
    }

    /** The query string that reproduces this filter (for paging links and the return after a bulk action). */
    public String query() {
        StringBuilder q = new StringBuilder();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("org", organisationId);
        m.put("account", accountId);
        m.put("kind", kind == null ? null : kind.id());
        m.put("platform", platform == null ? null : platform.id());
        m.put("signal", signal);
        m.put("status", status == null ? "all" : status.id());
        m.put("from", from);
        m.put("to", to);
        if (page > 0) m.put("page", page);
        m.forEach((key, v) -> {
            if (v == null) return;
            q.append(q.isEmpty() ? "" : "&").append(key).append('=')
                    .append(java.net.URLEncoder.encode(v.toString(), java.nio.charset.StandardCharsets.UTF_8));
        });
        return q.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long number(String s, String name, List<String> ignored) {
        s = blank(s);
        if (s == null) return null;
        try {
            long v = Long.parseLong(s);
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // fall through: named as ignored
        }
        ignored.add(name);
        return null;
    }

    private static LocalDate date(String s, String name, List<String> ignored) {
        s = blank(s);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            ignored.add(name);
            return null;
        }
    }
}
