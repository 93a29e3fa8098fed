package org.wardwatch.core.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one organisation's weekly digest says. It holds counts, signals in words, account names,
 * dates and links, and nothing else: no caption text, no reason strings (they may quote a caption),
 * no images. Every list is in the order the email shows it.
 *
 * @param newCases       cases first seen this week, per account, most cases first
 * @param awaitingRemoval confirmed cases whose post is not yet down, overdue ones first
 * @param removed        cases whose post went down this week
 * @param crawlErrors    accounts whose latest crawl failed
 * @param dashboardUrl   the dashboard's base address, for the closing link
 */
public record Digest(DigestOrganisation organisation, IsoWeek week, List<AccountCases> newCases,
                     List<Pending> awaitingRemoval, List<Removed> removed, List<CrawlError> crawlErrors,
                     String dashboardUrl) {

    public Digest {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(week, "week");
        newCases = List.copyOf(newCases);
        awaitingRemoval = List.copyOf(awaitingRemoval);
        removed = List.copyOf(removed);
        crawlErrors = List.copyOf(crawlErrors);
    }

    /** Nothing to report: the organisation gets the short "nothing found" note, if it gets anything. */
    public boolean isEmpty() {
        return newCases.isEmpty() && awaitingRemoval.isEmpty() && removed.isEmpty() && crawlErrors.isEmpty();
    }

    public int newCount() {
        return newCases.stream().mapToInt(AccountCases::count).sum();
    }

    public int overdueCount() {
        return (int) awaitingRemoval.stream().filter(Pending::overdue).count();
    }

    /** The accounts the headline names: those with new or overdue cases, busiest first, else any mentioned. */
    public List<String> headlineAccounts() {
        Map<String, Integer> weight = new LinkedHashMap<>();
        for (AccountCases a : newCases) weight.merge(a.account(), a.count(), Integer::sum);
        for (Pending p : awaitingRemoval) if (p.overdue()) weight.merge(p.account(), 1, Integer::sum);
        if (weight.isEmpty()) {
            for (Pending p : awaitingRemoval) weight.merge(p.account(), 1, Integer::sum);
            for (Removed r : removed) weight.merge(r.account(), 1, Integer::sum);
            for (CrawlError e : crawlErrors) weight.merge(e.account(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(weight.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()); // stable: ties keep email order
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** One account's new cases this week. */
    public record AccountCases(String account, List<SignalCount> signals, List<CaseLine> cases) {
        public AccountCases {
            signals = List.copyOf(signals);
            cases = List.copyOf(cases);
        }

        public int count() {
            return cases.size();
        }
    }

    /** How many of an account's new cases carry one signal, the signal in words. */
    public record SignalCount(String signal, int count) {
    }

    /** One new case: its number, its signals in words, and its page in the dashboard. */
    public record CaseLine(long caseId, String signals, String link) {
    }

    /**
     * A confirmed case whose post is still up.
     *
     * @param state in words: "request not raised yet", "request sent", "owner refused" ...
     * @param due   the removal request's due date in the digest's zone, or null without a request
     */
    public record Pending(long caseId, String account, String state, LocalDate due, boolean overdue, String link) {
    }

    /** A case whose post was removed (or found deleted) this week. */
    public record Removed(long caseId, String account, LocalDate removedOn, String link) {
    }

    /** An account whose latest crawl failed; since = date of that error, lastSuccess null if never. */
    public record CrawlError(String account, String platform, LocalDate since, LocalDate lastSuccess) {
    }
}
