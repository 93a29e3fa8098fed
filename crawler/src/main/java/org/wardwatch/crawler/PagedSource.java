package org.wardwatch.crawler;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;

/**
 * The walk every paged platform shares: look the account up (and ask a person's opt-out again),
 * follow the pages from the newest until the platform has no more, the newest item seen last time,
 * the first-crawl window or the post limit; turn each item into a post, and account for every item
 * seen and not returned with its reason. A platform says only how to look the account up, what a
 * page holds, an item's id and time, whether an item is skipped, and how an item becomes a post.
 *
 * @param <T> the platform's item (a status, a feed entry, a tweet with its page's media)
 */
public abstract class PagedSource<T> extends BaseSource {
    public static final String BOOST = "boost of another account's post";
    public static final String OWN_BOOST = "boost of the account's own post (read in its own place)";
    public static final String PIN = "pinned post (read in its own place)";
    public static final String OTHER_AUTHOR = "another account's post";
    private static final int MAX_PAGES = 10_000;

    protected PagedSource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
    }

    /**
     * The account as the platform knows it.
     *
     * @param signals its opt-out signals, null when the look-up says nothing about them
     */
    public record Lookup(String id, AccountSignals signals) {
    }

    /**
     * Looks the account up on the platform, when its id is not known yet or its owner opted out last
     * time. Null when the platform has no such look-up (the account's URL is all there is).
     */
    protected Lookup lookup(Crawl crawl) throws SourceException {
        return null;
    }

    /** @param next what the previous page said to ask for next; null for the first page */
    protected abstract Page<T> page(Crawl crawl, String next) throws SourceException;

    protected abstract Watermark watermark();

    /** The item's id; null when it has none, and it is then unreadable. */
    protected abstract String id(T item);

    /** When the item was posted, for the watermark and the first-crawl window; null when unknown. */
    protected abstract Instant time(T item);

    /** Why the item is not a post of this account ({@link #BOOST}, {@link #PIN}, not public); null to read it. */
    protected String skip(Crawl crawl, T item) {
        return null;
    }

    /** What the item says about its author's opt-outs, when the author is the account; else null. */
    protected AccountSignals signals(Crawl crawl, T item) {
        return null;
    }

    /** The post; a {@link RuntimeException} makes the item unreadable, with the exception's words. */
    protected abstract FetchedPost toPost(Crawl crawl, T item);

    /** What an item is called on the platform ("status", "post", "tweet"). */
    protected abstract String noun();

    public static String notPublic(String visibility) {
        return "not public (visibility: " + visibility + ")";
    }

    @Override
    public final CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException {
        Crawl crawl = new Crawl(account, state, deadline);
        AccountSignals looked = null;
        // a person who opted out last time is asked again before anything of theirs is read
        boolean recheckOptOut = personWithoutBasis(account) && !crawl.cursor().list(Crawl.OPT_OUTS).isEmpty();
        if (state.externalAccountId() == null || recheckOptOut) {
            Lookup found = lookup(crawl);
            if (found != null) {
                crawl.identify(found.id());
                looked = found.signals();
                if (looked != null && personWithoutBasis(account) && looked.optedOut()) {
                    // nothing is read; the pipeline records the account as skipped with these signals
                    return new CrawlBatch(List.of(), new CrawlState(state.cursor(), found.id()), looked, List.of());
                }
            }
        }
        crawl.start(watermark(), limits, clock.now());
        Set<String> asked = new HashSet<>();
        String next = null;
        for (int pages = 1; ; pages++) {
            Page<T> page = page(crawl, next);
            if (!read(crawl, page, pages)) break;
            next = page.next();
            // a platform that hands back a cursor it gave before would page forever
            if (crawl.lastPage() || next == null || !asked.add(next) || pages >= MAX_PAGES) break;
        }
        return crawl.batch(looked, clock.now());
    }

    /** @return false when the walk reached the newest item of the last crawl: what follows is not seen */
    private boolean read(Crawl crawl, Page<T> page, int pageNo) {
        boolean ordered = watermark().ordersEveryItem();
        int n = 0;
        for (T item : page.items()) {
            n++;
            String id = id(item);
            if (id == null) {
                crawl.skip(noun() + " #" + n + " of page " + pageNo, "unreadable: no id");
                continue;
            }
            String label = noun() + " " + id;
            Instant time = time(item);
            if (!crawl.hasSignalsFromItems()) crawl.signalsFromItem(signals(crawl, item));
            // a pin or a repost carries another post's time: where it stands in the walk, it cannot say
            String why = ordered ? null : skip(crawl, item);
            if (why == null) {
                if (crawl.reached(id, time)) return false;
                if (crawl.olderThanWindow(time)) {
                    // newest first, so the rest is older too: this page is read to its end, no other is asked for
                    crawl.skip(label, crawl.olderReason());
                    crawl.endAfterPage();
                    continue;
                }
                crawl.saw(id, time);
                if (ordered) why = skip(crawl, item);
            }
            if (why != null) {
                crawl.skip(label, why);
            } else if (crawl.full()) {
                crawl.skip(label, crawl.beyondReason());
            } else {
                take(crawl, item, label);
                if (crawl.full()) crawl.endAfterPage();
            }
        }
        return true;
    }

    private void take(Crawl crawl, T item, String label) {
        try {
            crawl.take(toPost(crawl, item));
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            crawl.skip(label, "unreadable: " + m);
        }
    }
}
