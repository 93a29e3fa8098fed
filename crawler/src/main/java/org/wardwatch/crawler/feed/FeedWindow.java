package org.wardwatch.crawler.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.wardwatch.core.source.SkippedItem;

/**
 * Which of a feed's posts a crawl offers. A feed holds only its last items and may add one dated
 * before the newest already seen, so every crawl offers every item not older than the window the
 * first crawl opened (its start is kept in the cursor) and leaves repeats to the store, which
 * answers "unchanged" for them. An undated item cannot be placed and is always offered. Past the
 * crawl's limit the newest are offered; each item not offered is skipped with its reason.
 */
final class FeedWindow {
    private FeedWindow() {
    }

    record Selection(List<ItemIdentity.Keyed> offered, List<SkippedItem> skipped) {
    }

    static Selection select(List<ItemIdentity.Keyed> posts, Instant windowStart, int windowDays, int max, boolean first) {
        List<SkippedItem> skipped = new ArrayList<>();
        List<ItemIdentity.Keyed> inWindow = new ArrayList<>();
        String older = "older than the first-crawl window (" + windowDays + (windowDays == 1 ? " day)" : " days)");
        for (ItemIdentity.Keyed k : posts) {
            Instant t = date(k);
            if (t != null && windowStart != null && t.isBefore(windowStart)) skipped.add(new SkippedItem(k.item().label(), older));
            else inWindow.add(k);
        }
        if (inWindow.size() <= max) return new Selection(inWindow, skipped);

        // the newest first, undated ones foremost (a feed lists its newest first, and undated ones
        // are most likely current); ties keep the feed's order
        List<ItemIdentity.Keyed> ranked = new ArrayList<>(inWindow);
        ranked.sort(Comparator.comparing(FeedWindow::date, Comparator.nullsFirst(Comparator.<Instant>reverseOrder())));
        Set<ItemIdentity.Keyed> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(ranked.subList(0, max));
        String beyond = "beyond the " + (first ? "first" : "routine") + " crawl's limit of " + max + (max == 1 ? " post" : " posts");
        List<ItemIdentity.Keyed> offered = new ArrayList<>();
        for (ItemIdentity.Keyed k : inWindow) {
            if (kept.contains(k)) offered.add(k);
            else skipped.add(new SkippedItem(k.item().label(), beyond));
        }
        return new Selection(offered, skipped);
    }

    private static Instant date(ItemIdentity.Keyed k) {
        return k.item().published() != null ? k.item().published() : k.item().updated();
    }
}
