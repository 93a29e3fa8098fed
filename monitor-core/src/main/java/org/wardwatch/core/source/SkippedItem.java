package org.wardwatch.core.source;

import java.util.Objects;

/**
 * An item a source saw and did not turn into a post, and why: nothing seen is dropped without a
 * word. Some skips are by design (a boost of another account's post, an item older than the
 * first-crawl window, a direct message), others are failures (an item that cannot be read).
 *
 * @param item   what the item is, in the platform's terms ("feed item 7", "status 1123")
 * @param reason one line, the same wording for every item skipped for the same reason
 */
public record SkippedItem(String item, String reason) {
    public SkippedItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
    }
}
