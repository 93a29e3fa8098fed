package org.wardwatch.crawler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.crawler.Watermark.Mark;

import okhttp3.Request;

/**
 * One reading of one account by a {@link PagedSource}: what the platform's hooks may ask (the
 * account, its platform id, the cursor, where the last crawl stopped) and what the walk gathers
 * (posts, skipped items, item errors, the newest item seen). Lives for one {@code fetch}.
 */
public final class Crawl {
    static final String OPT_OUTS = "optOuts";

    private final Account account;
    private final CrawlState state;
    private final Deadline deadline;
    private Cursor cursor;
    private String accountId;
    private boolean first;
    private Watermark watermark;
    private Mark last;
    private Mark newest;
    private Instant cutoff;
    private int cutoffDays;
    private int max;
    private boolean lastPage;
    private boolean reachedLast;
    private AccountSignals fromItems;
    private final List<FetchedPost> posts = new ArrayList<>();
    private final List<String> itemErrors = new ArrayList<>();
    private final List<SkippedItem> skipped = new ArrayList<>();

    Crawl(Account account, CrawlState state, Deadline deadline) {
        this.account = account;
        this.state = state;
        this.deadline = deadline;
        this.cursor = Cursor.parse(state.cursor());
        this.accountId = state.externalAccountId();
        this.first = state.firstCrawl();
    }

    public Account account() {
        return account;
    }

    public Deadline deadline() {
        return deadline;
    }

    /** The platform's id for the account (Mastodon id, DID, X user id); null where it has none. */
    public String accountId() {
        return accountId;
    }

    public boolean first() {
        return first;
    }

    /** The start of the first-crawl window; null on a routine crawl. */
    public Instant cutoff() {
        return cutoff;
    }

    /** The newest id seen last time, for platforms that can be asked for what is newer; null on a first crawl. */
    public String lastId() {
        return last.id();
    }

    public Cursor cursor() {
        return cursor;
    }

    /** Keeps a value of the platform's own in the cursor for the next crawl (a discovered API root). */
    public void remember(String key, String value) {
        cursor = cursor.with(key, value);
    }

    /** A problem with a post that is still returned (an attachment without a URL). */
    public void itemError(String line) {
        itemErrors.add(line);
    }

    /** A GET for this account, carrying the hosts it trusts and the crawl's deadline. */
    public Request.Builder request(String url) throws org.wardwatch.core.source.SourceException {
        return BaseSource.request(account, deadline, url);
    }

    /** The account was looked up: a crawl without its platform id before is a first crawl. */
    void identify(String id) {
        if (accountId == null) first = true;
        accountId = id;
    }

    void start(Watermark w, CrawlLimits limits, Instant now) {
        watermark = w;
        last = first ? new Mark(null, null) : w.read(cursor);
        newest = last;
        cutoff = first ? limits.firstCrawlCutoff(now) : null;
        cutoffDays = limits.firstCrawlDays();
        max = limits.maxPosts(first);
    }

    boolean reached(String id, Instant time) {
        boolean r = watermark.reached(last, id, time);
        reachedLast |= r;
        return r;
    }

    void saw(String id, Instant time) {
        newest = watermark.newer(newest, id, time);
    }

    boolean olderThanWindow(Instant time) {
        return cutoff != null && time != null && time.isBefore(cutoff);
    }

    String olderReason() {
        return "older than the first-crawl window (" + cutoffDays + " days)";
    }

    boolean full() {
        return posts.size() >= max;
    }

    String beyondReason() {
        return (first ? "beyond the first crawl's limit of " : "beyond the crawl's limit of ") + max + (max == 1 ? " post" : " posts");
    }

    /** Reads the rest of the page (every item on it is accounted for), then asks for no more. */
    void endAfterPage() {
        lastPage = true;
    }

    boolean lastPage() {
        return lastPage;
    }

    void skip(String item, String reason) {
        skipped.add(new SkippedItem(item, reason));
    }

    void take(FetchedPost post) {
        posts.add(post);
    }

    void signalsFromItem(AccountSignals s) {
        if (fromItems == null) fromItems = s;
    }

    boolean hasSignalsFromItems() {
        return fromItems != null;
    }

    /** @param looked the signals the account look-up gave, null when there was none */
    CrawlBatch batch(AccountSignals looked, Instant now) {
        AccountSignals signals = looked != null ? looked : fromItems;
        // with nothing new the platform said nothing about the account: keep what it said last time
        if (signals == null) signals = new AccountSignals(cursor.list(OPT_OUTS));
        if (!first && full() && !reachedLast && (last.id() != null || last.time() != null)) {
            // unseen items cannot be listed one by one: say that they exist
            itemErrors.add("the crawl stopped at its limit of " + max + " posts before reaching where the last crawl "
                    + "ended: posts published in between were not read");
        }
        Cursor next = watermark.write(cursor, newest).withList(OPT_OUTS, signals.optOuts()).with("checked", now.toString());
        return new CrawlBatch(posts, new CrawlState(next.toString(), accountId), signals, itemErrors, skipped);
    }
}
