package org.wardwatch.crawler.bluesky;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.Crawl;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Page;
import org.wardwatch.crawler.PagedSource;
import org.wardwatch.crawler.Watermark;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.HttpUrl;

/**
 * A Bluesky account through the public AppView, unauthenticated. The handle is resolved to a DID
 * once (handles change, DIDs do not); then {@code getAuthorFeed} is paged by cursor until the
 * cursor is absent, however short or empty a page is, stopping at the newest post seen last time.
 * Reposts, pins and other authors' posts are skipped.
 */
public final class BlueskySource extends PagedSource<JsonNode> {
    public static final String PUBLIC_APPVIEW = "https://public.api.bsky.app";
    static final String NO_UNAUTHENTICATED = "!no-unauthenticated";
    private static final int PAGE_MAX = 100;
    private static final int GET_POSTS_MAX = 25;

    public BlueskySource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    @Override
    protected Lookup lookup(Crawl crawl) throws SourceException {
        Account account = crawl.account();
        String base = base(account, PUBLIC_APPVIEW);
        String actor = crawl.accountId() != null ? crawl.accountId() : account.handle().replaceFirst("^@", "");
        JsonNode profile = call(crawl, url(base + "/xrpc/app.bsky.actor.getProfile").addQueryParameter("actor", actor));
        String did = text(profile, "did");
        if (did == null) throw new SourceException(label(account) + ": profile without a DID from " + base);
        return new Lookup(did, signals(profile));
    }

    @Override
    protected Watermark watermark() {
        return Watermark.byTime("newestUri");
    }

    @Override
    protected Page<JsonNode> page(Crawl crawl, String cursor) throws SourceException {
        HttpUrl.Builder u = url(base(crawl.account(), PUBLIC_APPVIEW) + "/xrpc/app.bsky.feed.getAuthorFeed")
                .addQueryParameter("actor", crawl.accountId())
                .addQueryParameter("limit", String.valueOf(limits.pageSize(PAGE_MAX)));
        if (cursor != null) u.addQueryParameter("cursor", cursor);
        JsonNode body = call(crawl, u);
        JsonNode feed = body.get("feed");
        if (feed == null || !feed.isArray()) {
            throw new SourceException(label(crawl.account()) + ": malformed JSON from " + u.build() + ": no feed array");
        }
        List<JsonNode> items = new ArrayList<>();
        feed.forEach(items::add);
        String next = text(body, "cursor");
        return new Page<>(items, next == null || next.isBlank() ? null : next);
    }

    @Override
    protected String id(JsonNode item) {
        return text(item.path("post"), "uri");
    }

    @Override
    protected Instant time(JsonNode item) {
        return BlueskyPosts.sortAt(item.path("post"));
    }

    @Override
    protected String skip(Crawl crawl, JsonNode item) {
        String reason = text(item.path("reason"), "$type");
        if (reason != null && reason.endsWith("#reasonPin")) return PIN;
        boolean own = crawl.accountId().equals(text(item.path("post").path("author"), "did"));
        if (reason != null && reason.endsWith("#reasonRepost")) return own ? OWN_BOOST : BOOST;
        return own ? null : OTHER_AUTHOR;
    }

    @Override
    protected AccountSignals signals(Crawl crawl, JsonNode item) {
        JsonNode author = item.path("post").path("author");
        return crawl.accountId().equals(text(author, "did")) ? signals(author) : null;
    }

    @Override
    protected FetchedPost toPost(Crawl crawl, JsonNode item) {
        return BlueskyPosts.toPost(item.path("post"), crawl.accountId());
    }

    @Override
    protected String noun() {
        return "post";
    }

    /** An XRPC call; the AppView's 400 errors name what is wrong with the account. */
    private JsonNode call(Crawl crawl, HttpUrl.Builder u) throws SourceException {
        Account account = crawl.account();
        Reply r = send(crawl.request(u.build().toString()).build());
        if (r.code() == 400) {
            String error = "";
            String message = "";
            try {
                JsonNode e = JSON.readTree(r.body());
                error = String.valueOf(text(e, "error"));
                message = String.valueOf(text(e, "message"));
            } catch (java.io.IOException | RuntimeException ignored) {
                // fall through to the plain status
            }
            String why = switch (error) {
                case "AccountTakedown" -> "account taken down";
                case "AccountDeactivated" -> "account deactivated";
                case "BlockedActor", "BlockedByActor" -> "account blocks unauthenticated readers";
                default -> message.contains("not found") ? "no such account" : null;
            };
            if (why != null) throw new SourceException(label(account) + ": " + why + " (HTTP 400 " + error + ": " + message + ")");
        }
        return json(account, r);
    }

    static AccountSignals signals(JsonNode author) {
        List<String> out = new ArrayList<>();
        for (JsonNode label : author.path("labels")) {
            if (NO_UNAUTHENTICATED.equals(text(label, "val")) && !label.path("neg").asBoolean(false)) {
                out.add(NO_UNAUTHENTICATED);
                break;
            }
        }
        return new AccountSignals(out);
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        String base = base(account, PUBLIC_APPVIEW);
        for (int i = 0; i < posts.size(); i += GET_POSTS_MAX) {
            List<PostRef> batch = posts.subList(i, Math.min(posts.size(), i + GET_POSTS_MAX));
            try {
                HttpUrl.Builder u = url(base + "/xrpc/app.bsky.feed.getPosts");
                batch.forEach(p -> u.addQueryParameter("uris", p.externalId()));
                Reply r = send(request(account, Deadline.NONE, u.build().toString()).build());
                if (!r.ok()) throw new SourceException("HTTP " + r.code());
                JsonNode found = JSON.readTree(r.body()).get("posts");
                if (found == null || !found.isArray()) throw new SourceException("no posts array");
                Set<String> present = new HashSet<>();
                found.forEach(p -> present.add(text(p, "uri")));
                // getPosts silently leaves out posts that no longer exist
                batch.forEach(p -> out.put(p.id(), present.contains(p.externalId()) ? PostStatus.LIVE : PostStatus.DELETED));
            } catch (SourceException | java.io.IOException | RuntimeException e) {
                batch.forEach(p -> out.put(p.id(), PostStatus.UNREACHABLE));
            }
        }
        return out;
    }
}
