package org.wardwatch.core.digest;

import java.util.ArrayList;
import java.util.List;

/** The subject line carries the headline, e.g. "WardWatch: 3 new, 1 overdue – Willow Ward and 2 other accounts". */
public final class DigestSubject {
    private DigestSubject() {
    }

    public static String of(Digest d) {
        String org = oneLine(d.organisation().name());
        if (d.isEmpty()) return "WardWatch: nothing found in week " + d.week().week() + " – " + org;
        List<String> parts = new ArrayList<>();
        if (d.newCount() > 0) parts.add(d.newCount() + " new");
        if (d.overdueCount() > 0) parts.add(d.overdueCount() + " overdue");
        if (parts.isEmpty()) {
            if (!d.awaitingRemoval().isEmpty()) parts.add(d.awaitingRemoval().size() + " awaiting removal");
            if (!d.removed().isEmpty()) parts.add(d.removed().size() + " removed");
            if (!d.crawlErrors().isEmpty()) {
                parts.add(DigestFormat.count(d.crawlErrors().size(), "crawl error", "crawl errors"));
            }
        }
        List<String> accounts = d.headlineAccounts();
        String who = switch (accounts.size()) {
            case 0 -> org;
            case 1 -> oneLine(accounts.get(0));
            case 2 -> oneLine(accounts.get(0)) + " and " + oneLine(accounts.get(1));
            default -> oneLine(accounts.get(0)) + " and " + (accounts.size() - 1) + " other accounts";
        };
        return "WardWatch: " + String.join(", ", parts) + " – " + who;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
