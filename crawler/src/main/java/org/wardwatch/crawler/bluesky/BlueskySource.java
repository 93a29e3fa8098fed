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
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.BaseSource;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.Page;
import org.wardwatch.crawler.Walk;
import org.wardwatch.crawler.Walk.Step;
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
public final class BlueskySource extends BaseSource {
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
    public CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException {
        String base = base(account, PUBLIC_APPVIEW);
        Cursor cursor = Cursor.parse(state.cursor());
        String did = state.externalAccountId();
        boolean first = state.firstCrawl() || did == null;
        AccountSignals signals = null;
        // a person who opted out last time is asked again before anything of theirs is read
        boolean recheckOptOut = personWithoutBasis(account) && !cursor.list("optOuts").isEmpty();
        if (did == null || recheckOptOut) {
            String actor = did != null ? did : account.handle().replaceFirst("^@", "");
            JsonNode profile = call(account, url(base + "/xrpc/app.bsky.actor.getProfile").addQueryParameter("actor", actor));
            did = text(profile, "did");
            if (did == null) throw new SourceException(label(account) + ": profile without a DID from " + base);
            signals = signals(profile);
            if (personWithoutBasis(account) && signals.optedOut()) {
                // nothing is read; the pipeline records the account as skipped with these signals
                return new CrawlBatch(List.of(), new CrawlState(state.cursor(), did), signals, List.of());
            }
        }
        Instant newest = first ? null : instant(cursor.get("newest"));
        String newestUri = first ? null : cursor.get("newestUri");
        Instant cutoff = first ? limits.firstCrawlCutoff(clock.now()) : null;
        String authorDid = did;
        Instant[] newestSeen = {newest};
        String[] newestSeenUri = {newestUri};
        AccountSignals[] fromFeed = {null};
        HttpUrl.Builder feedUrl = url(base + "/xrpc/app.bsky.feed.getAuthorFeed").addQueryParameter("actor", did)
                .addQueryParameter("limit", String.valueOf(limits.pageSize(PAGE_MAX)));
        List<JsonNode> items = Walk.pages(null, c -> page(account, feedUrl, c), item -> {
            JsonNode post = item.path("post");
            String reason = text(item.path("reason"), "$type");
            if (reason != null && (reason.endsWith("#reasonRepost") || reason.endsWith("#reasonPin"))) return Step.SKIP;
            if (!authorDid.equals(text(post.path("author"), "did"))) return Step.SKIP;
            if (fromFeed[0] == null) fromFeed[0] = signals(post.path("author"));
            Instant sortAt = sortAt(post);
            String uri = text(post, "uri");
            if (newest != null && sortAt != null
                    && (sortAt.isBefore(newest) || (sortAt.equals(newest) && uri != null && uri.equals(newestUri)))) {
                return Step.STOP;
            }
            if (cutoff != null && sortAt != null && sortAt.isBefore(cutoff)) return Step.STOP;
            if (sortAt != null && (newestSeen[0] == null || sortAt.isAfter(newestSeen[0]))) {
                newestSeen[0] = sortAt;
                newestSeenUri[0] = uri;
            }
            return Step.TAKE;
        }, limits.maxPosts(first));

        List<FetchedPost> posts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                posts.add(toPost(item.path("post"), did));
            } catch (RuntimeException e) {
                errors.add("post " + text(item.path("post"), "uri") + ": " + e.getMessage());
            }
        }
        if (signals == null) signals = fromFeed[0];
        if (signals == null) signals = new AccountSignals(cursor.list("optOuts"));
        Cursor next = cursor.with("newest", newestSeen[0] == null ? null : newestSeen[0].toString())
                .with("newestUri", newestSeenUri[0]).withList("optOuts", signals.optOuts())
                .with("checked", clock.now().toString());
        return new CrawlBatch(posts, new CrawlState(next.toString(), did), signals, errors);
    }

    private Page<JsonNode> page(Account account, HttpUrl.Builder feedUrl, String cursor) throws SourceException {
        HttpUrl.Builder u = feedUrl.build().newBuilder();
        if (cursor != null) u.addQueryParameter("cursor", cursor);
        JsonNode body = call(account, u);
        JsonNode feed = body.get("feed");
        if (feed == null || !feed.isArray()) {
            throw new SourceException(label(account) + ": malformed JSON from " + u.build() + ": no feed array");
        }
        List<JsonNode> items = new ArrayList<>();
        feed.forEach(items::add);
        String next = text(body, "cursor");
        return new Page<>(items, next == null || next.isBlank() ? null : next);
    }

    /** An XRPC call; the AppView's 400 errors name what is wrong with the account. */
    private JsonNode call(Account account, HttpUrl.Builder u) throws SourceException {
        Reply r = send(HttpStack.request(u.build().toString()).build());
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

    static Instant sortAt(JsonNode post) {
        Instant created = instant(text(post.path("record"), "createdAt"));
        Instant indexed = instant(text(post, "indexedAt"));
        // createdAt is the client's clock and can be wrong; Bluesky sorts by the earlier of the two
        if (created == null) return indexed;
        if (indexed == null) return created;
        return created.isBefore(indexed) ? created : indexed;
    }

    static FetchedPost toPost(JsonNode post, String did) {
        String uri = text(post, "uri");
        if (uri == null) throw new IllegalArgumentException("post without uri");
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        String permalink = "https://bsky.app/profile/" + did + "/post/" + rkey;
        List<FetchedMedia> media = new ArrayList<>();
        images(post.path("embed"), media);
        return new FetchedPost(uri, permalink, sortAt(post), null, text(post.path("record"), "text"), media, null);
    }

    /** Images from an embed view: images, video, gallery, and the media half of a record with media. */
    static void images(JsonNode embed, List<FetchedMedia> out) {
        String type = text(embed, "$type");
        if (type == null) return;
        switch (type) {
            case "app.bsky.embed.images#view", "app.bsky.embed.gallery#view" -> {
                for (JsonNode img : embed.path(embed.has("images") ? "images" : "items")) {
                    String url = first(text(img, "fullsize"), text(img, "thumb"), text(img, "thumbnail"));
                    if (url != null) {
                        JsonNode ar = img.path("aspectRatio");
                        out.add(new FetchedMedia(url, text(img, "alt"), null,
                                ar.hasNonNull("width") ? ar.get("width").asInt() : null,
                                ar.hasNonNull("height") ? ar.get("height").asInt() : null));
                    }
                }
            }
            case "app.bsky.embed.video#view" -> {
                String thumb = text(embed, "thumbnail");
                if (thumb != null) out.add(FetchedMedia.of(thumb, text(embed, "alt")));
            }
            case "app.bsky.embed.recordWithMedia#view" -> images(embed.path("media"), out);
            default -> {
                // links and quoted records carry no image of this post
            }
        }
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
                Reply r = send(HttpStack.request(u.build().toString()).build());
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

    private static String first(String... s) {
        for (String v : s) if (v != null) return v;
        return null;
    }
}
