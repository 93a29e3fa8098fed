package org.wardwatch.dashboard.review;

import java.util.List;
import java.util.Map;

/**
 * A page of the queue with its counts per status under the same filter.
 *
 * @param options the choices offered by the filter form
 */
public record QueuePage(QueueFilter filter, List<QueueRow> rows, Map<CaseStatus, Long> counts, long total,
                        FilterOptions options) {
    public record Choice(String value, String label) {
    }

    public record FilterOptions(List<Choice> organisations, List<Choice> accounts, List<Choice> signals) {
    }

    public int pages() {
        return (int) Math.max(1, (total + QueueFilter.PAGE_SIZE - 1) / QueueFilter.PAGE_SIZE);
    }

    public long first() {
        return total == 0 ? 0 : (long) filter.page() * QueueFilter.PAGE_SIZE + 1;
    }

    public long last() {
        return Math.min(total, (long) (filter.page() + 1) * QueueFilter.PAGE_SIZE);
    }

    public long count(CaseStatus s) {
        return counts.getOrDefault(s, 0L);
    }

    public long allCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
