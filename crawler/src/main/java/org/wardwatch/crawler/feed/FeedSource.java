package org.wardwatch.crawler.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.BaseSource;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.http.ConditionalGet;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;
import org.wardwatch.crawler.http.RobotsTxt;
import org.wardwatch.crawler.http.Validators;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import okhttp3.Request;

/**
 * An RSS 2.0 or Atom feed (the account's handle is the feed URL), read with a conditional GET so an
 * unchanged feed costs one 304. A feed keeps only its last items, so an item that drops out is not
 * taken as deleted: a re-check fetches the permalink and only 404 or 410 means gone.
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
        String url = account.handle();
        Cursor cursor = Cursor.parse(state.cursor());
        boolean first = state.firstCrawl();
        Validators sent = first ? Validators.NONE : new Validators(cursor.get("etag"), cursor.get("lastModified"));
        ConditionalGet cond = new ConditionalGet(sent);
        Request request = HttpStack.request(url).header("Accept", ACCEPT)
                .tag(ConditionalGet.class, cond).tag(RobotsTxt.class, RobotsTxt.CHECK).build();
        Reply reply = send(request);
        if (cond.notModified()) return new CrawlBatch(List.of(), state, null, List.of());
        if (!reply.ok()) throw new SourceException(label(account) + ": HTTP " + reply.code() + " from " + reply.url());

        SyndFeed feed = parse(reply, url);
        FeedItems items = FeedItems.read(feed, url);
        Instant now = clock.now();
        Instant newest = instant(cursor.get("newest"));
        Instant cutoff = first ? limits.firstCrawlCutoff(now) : newest;
        int max = limits.maxPosts(first);
        List<FetchedPost> posts = new ArrayList<>();
        Instant newestSeen = newest;
        for (FetchedPost p : items.posts()) {
            Instant t = p.publishedAt();
            if (t != null && (newestSeen == null || t.isAfter(newestSeen))) newestSeen = t;
            // undated items cannot be placed, so they are always offered; the store ignores repeats
            if (t != null && cutoff != null && t.isBefore(cutoff)) continue;
            if (posts.size() < max) posts.add(p);
        }
        Validators keep = cond.keep();
        Cursor next = cursor.with("newest", newestSeen == null ? null : newestSeen.toString())
                .with("etag", keep.etag()).with("lastModified", keep.lastModified())
                .with("checked", now.toString());
        return new CrawlBatch(posts, new CrawlState(next.toString(), state.externalAccountId()), null, items.errors());
    }

    private SyndFeed parse(Reply reply, String url) throws SourceException {
        try (var in = new XmlReader(new ByteArrayInputStream(reply.body()), reply.header("Content-Type"), true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(in);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new SourceException("malformed feed at " + url + ": " + m);
        }
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        return Permalinks.recheck(http, posts);
    }

    /** The posts of a parsed feed, and one line per item that could not be read. */
    record FeedItems(List<FetchedPost> posts, List<String> errors) {
        static FeedItems read(SyndFeed feed, String feedUrl) {
            List<FetchedPost> posts = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Map<String, Boolean> seen = new LinkedHashMap<>();
            int n = 0;
            for (SyndEntry e : feed.getEntries()) {
                n++;
                try {
                    FetchedPost p = FeedEntries.toPost(e, feedUrl);
                    if (seen.putIfAbsent(p.externalId(), true) == null) posts.add(p);
                } catch (RuntimeException ex) {
                    errors.add("feed " + feedUrl + " item " + n + ": " + ex.getMessage());
                }
            }
            return new FeedItems(posts, errors);
        }
    }
}
