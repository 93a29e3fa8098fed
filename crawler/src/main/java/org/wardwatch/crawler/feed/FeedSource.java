package org.wardwatch.crawler.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.BaseSource;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.http.ConditionalGet;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;
import org.wardwatch.crawler.http.RobotsTxt;
import org.wardwatch.crawler.http.TrustedHosts;
import org.wardwatch.crawler.http.Validators;

import okhttp3.Request;

/**
 * An RSS or Atom feed (the account's handle is the feed's URL, or a page that links to it): fetched
 * with a conditional GET so an unchanged feed costs one 304, decoded ({@link FeedDecoding}), parsed
 * ({@link FeedReader}), its items named ({@link ItemIdentity}) and offered ({@link FeedWindow}). Every
 * item the feed holds ends as a post or a skip with its reason. A feed keeps only its last items, so
 * an item that drops out is not taken as deleted: a re-check fetches the permalink and only 404 or
 * 410 means gone.
 */
public final class FeedSource extends BaseSource {
    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final Platform platform;

    public FeedSource(Platform platform, HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
        if (platform != Platform.RSS && platform != Platform.ATOM) throw new IllegalArgumentException(platform.id());
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException {
        return read(account, state, deadline).batch();
    }

    /**
     * The crawl with its accounting. The cursor keeps the validators, the start of the first crawl's
     * window and, when the handle is a page, the feed URL found on it.
     */
    public FeedRead read(Account account, CrawlState state, Deadline deadline) throws SourceException {
        Cursor cursor = Cursor.parse(state.cursor());
        boolean first = state.firstCrawl();
        String handle = account.handle();
        String feedUrl = cursor.get("feed") != null ? cursor.get("feed") : handle;
        ConditionalGet cond = new ConditionalGet(first ? Validators.NONE
                : new Validators(cursor.get("etag"), cursor.get("lastModified")));
        Reply reply = get(account, feedUrl, cond, deadline);
        if (cond.notModified()) return new FeedRead(new CrawlBatch(List.of(), state, null, List.of()), 0, 0);
        if (!feedUrl.equals(handle) && (reply.code() == 404 || reply.code() == 410)) {
            // the feed found on the site's page has gone: look on the page again
            feedUrl = handle;
            cond = new ConditionalGet(Validators.NONE);
            reply = get(account, feedUrl, cond, deadline);
        }
        if (!reply.ok()) throw new SourceException(label(account) + ": HTTP " + reply.code() + " from " + reply.url());
        FeedDecoding.FeedText text = FeedDecoding.decode(reply.body(), reply.header("Content-Type"));

        if (FeedDiscovery.isHtmlPage(text.text())) {
            String page = reply.url();
            String found = FeedDiscovery.feedLink(text.text(), page).orElseThrow(() -> new SourceException(label(account)
                    + ": " + page + " is an HTML page with no RSS or Atom feed link (<link rel=\"alternate\" type=\"application/rss+xml\">)"));
            cond = new ConditionalGet(Validators.NONE);
            reply = get(account, found, cond, deadline);
            if (!reply.ok()) {
                throw new SourceException(label(account) + ": HTTP " + reply.code() + " from " + reply.url()
                        + ", the feed " + page + " links to");
            }
            text = FeedDecoding.decode(reply.body(), reply.header("Content-Type"));
            if (FeedDiscovery.isHtmlPage(text.text())) {
                throw new SourceException(label(account) + ": the feed " + page + " links to is another HTML page, " + reply.url());
            }
            feedUrl = found;
        }

        FeedReader.Items items = FeedReader.read(text.text(), documentBase(reply), reply.url());
        ItemIdentity.Assigned ids = ItemIdentity.assign(items.items(), handle);
        Instant now = clock.now();
        Instant kept = instant(cursor.get("windowStart"));
        Instant windowStart = first || kept == null ? limits.firstCrawlCutoff(now) : kept;
        FeedWindow.Selection selection = FeedWindow.select(ids.posts(), windowStart, limits.firstCrawlDays(),
                limits.maxPosts(first), first);

        List<FetchedPost> posts = new ArrayList<>();
        for (ItemIdentity.Keyed k : selection.offered()) posts.add(FeedPosts.post(k));
        List<SkippedItem> skipped = new ArrayList<>(items.unreadable());
        skipped.addAll(selection.skipped());
        List<String> problems = new ArrayList<>();
        if (text.problem(reply.url()) != null) problems.add(text.problem(reply.url()));
        problems.addAll(items.notes());
        problems.addAll(ids.notes());

        Validators validators = cond.keep();
        Cursor next = cursor.with("newest", null).with("windowStart", windowStart.toString())
                .with("feed", feedUrl.equals(handle) ? null : feedUrl)
                .with("etag", validators.etag()).with("lastModified", validators.lastModified())
                .with("checked", now.toString());
        CrawlBatch batch = new CrawlBatch(posts, new CrawlState(next.toString(), state.externalAccountId()), null,
                problems, skipped);
        return new FeedRead(batch, items.seen(), ids.repeats());
    }

    private Reply get(Account account, String url, ConditionalGet cond, Deadline deadline) throws SourceException {
        if (deadline.passed()) throw new SourceException(label(account) + ": stopped before " + url + ": the account's " + deadline + " passed");
        Request request = HttpStack.request(url).header("Accept", ACCEPT)
                .tag(ConditionalGet.class, cond).tag(RobotsTxt.class, RobotsTxt.CHECK)
                .tag(TrustedHosts.class, TrustedHosts.of(account)).tag(Deadline.class, deadline).build();
        return send(request);
    }

    /** What relative links resolve against before any xml:base: the Content-Location, else the feed's URL. */
    private static String documentBase(Reply reply) {
        String location = FeedUrls.resolve(reply.url(), reply.header("Content-Location"));
        return location != null && location.regionMatches(true, 0, "http", 0, 4) ? location : reply.url();
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        return Permalinks.recheck(http, account, posts);
    }
}
