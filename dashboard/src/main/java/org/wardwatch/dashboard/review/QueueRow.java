package org.wardwatch.dashboard.review;

import java.time.Instant;
import java.util.List;

/** One line of the review queue: enough to see in seconds why a post was flagged. */
public record QueueRow(long caseId, double risk, CaseStatus status, String dismissReason, long organisationId,
                       String organisationName, long accountId, String accountName, String accountKind,
                       String platform, Instant postedAt, Long thumbnailMediaId, List<String> reasons,
                       List<String> signals) {
    public QueueRow {
        reasons = List.copyOf(reasons);
        signals = List.copyOf(signals);
    }

    public String reasonsInWords() {
        return String.join("; ", reasons);
    }

    public int riskPercent() {
        return (int) Math.round(risk * 100);
    }

    /** high, medium or low, for the risk badge's colour (the number is always shown too). */
    public String riskBand() {
        return risk >= 0.8 ? "high" : risk >= 0.6 ? "medium" : "low";
    }
}
