package org.wardwatch.crawler.x;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
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
import org.wardwatch.crawler.Ids;
import org.wardwatch.crawler.Page;
import org.wardwatch.crawler.Walk;
import org.wardwatch.crawler.Walk.Step;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.HttpUrl;

/**
 * An X account through the API v2 with the configured app bearer token (X forbids scraping, so
 * without a token the account is reported as not crawlable rather than skipped). Tweets are paged
 * with {@code pagination_token}; media are joined from {@code includes.media} with their alt text.
 */
public final class XSource extends BaseSource {
    public static final String API = "https://api.x.com";
    private static final int PAGE_MAX = 100;
    private static final int LOOKUP_MAX = 100;
    private final String bearerToken;

    public XSource(HttpStack http, CrawlLimits limits, HttpClock clock, String bearerToken) {
        super(http, limits, clock);
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException {
        if (bearerToken == null) {
            throw new SourceException(label(account) + ": not crawlable: no X API bearer token is configured "
                    + "(crawl.xBearerToken or WARDWATCH_X_BEARER_TOKEN)");
        }
        String base = base(account, API);
        String username = account.handle().replaceFirst("^@", "");
        Cursor cursor = Cursor.parse(state.cursor());
        String id = state.externalAccountId();
        boolean first = state.firstCrawl() || id == null;
        if (id == null) {
            JsonNode user = call(account, url(base + "/2/users/by/username/" + username));
            id = text(user.path("data"), "id");
            if (id == null) {
                String why = notFound(user) ? "no such account" : "user lookup gave no id";
                throw new SourceException(label(account) + ": " + why + errorDetail(user));
            }
        }
        String newest = first ? null : cursor.get("newest");
        Instant cutoff = first ? limits.firstCrawlCutoff(clock.now()) : null;
        HttpUrl.Builder tweets = url(base + "/2/users/" + id + "/tweets")
                .addQueryParameter("max_results", String.valueOf(Math.max(5, limits.pageSize(PAGE_MAX))))
                .addQueryParameter("exclude", "retweets")
                .addQueryParameter("tweet.fields", "created_at,attachments,entities,edit_history_tweet_ids")
                .addQueryParameter("expansions", "attachments.media_keys")
                .addQueryParameter("media.fields", "url,preview_image_url,alt_text,width,height,type");
        if (newest != null) tweets.addQueryParameter("since_id", newest);
        if (cutoff != null) tweets.addQueryParameter("start_time", cutoff.toString());
        Map<String, JsonNode> media = new HashMap<>();
        String[] newestSeen = {newest};
        List<JsonNode> items = Walk.pages(null, token -> page(account, tweets, token, media), t -> {
            String tid = text(t, "id");
            if (tid == null) return Step.SKIP;
            if (newest != null && Ids.compare(tid, newest) <= 0) return Step.STOP;
            newestSeen[0] = Ids.max(newestSeen[0], tid);
            return Step.TAKE;
        }, limits.maxPosts(first));
        List<FetchedPost> posts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode t : items) {
            try {
                posts.add(toPost(t, username, media));
            } catch (RuntimeException e) {
                errors.add("tweet " + text(t, "id") + ": " + e.getMessage());
            }
        }
        Cursor next = cursor.with("newest", newestSeen[0]).with("checked", clock.now().toString());
        return new CrawlBatch(posts, new CrawlState(next.toString(), id), null, errors);
    }

    private Page<JsonNode> page(Account account, HttpUrl.Builder tweets, String token, Map<String, JsonNode> media)
            throws SourceException {
        HttpUrl.Builder u = tweets.build().newBuilder();
        if (token != null) u.addQueryParameter("pagination_token", token);
        JsonNode body = call(account, u);
        for (JsonNode m : body.path("includes").path("media")) {
            String key = text(m, "media_key");
            if (key != null) media.put(key, m);
        }
        JsonNode data = body.path("data");
        if (!data.isMissingNode() && !data.isArray()) {
            throw new SourceException(label(account) + ": malformed JSON from " + u.build() + ": data is not a list");
        }
        List<JsonNode> items = new ArrayList<>();
        data.forEach(items::add);
        return new Page<>(items, text(body.path("meta"), "next_token"));
    }

    private JsonNode call(Account account, HttpUrl.Builder u) throws SourceException {
        Reply r = send(HttpStack.request(u.build().toString()).header("Authorization", "Bearer " + bearerToken).build());
        if (r.code() == 401 || r.code() == 403) {
            throw new SourceException(label(account) + ": the X API refused the bearer token (HTTP " + r.code() + errorText(r) + ")");
        }
        return json(account, r);
    }

    static FetchedPost toPost(JsonNode t, String username, Map<String, JsonNode> media) {
        String id = text(t, "id");
        List<FetchedMedia> images = new ArrayList<>();
        for (JsonNode key : t.path("attachments").path("media_keys")) {
            JsonNode m = media.get(key.asText());
            if (m == null) continue;
            // url is there for photos only; a video or GIF shows its preview still
            String url = "photo".equals(text(m, "type")) ? text(m, "url") : text(m, "preview_image_url");
            if (url == null) url = text(m, "url");
            if (url == null) continue;
            images.add(new FetchedMedia(url, text(m, "alt_text"), null,
                    m.hasNonNull("width") ? m.get("width").asInt() : null, m.hasNonNull("height") ? m.get("height").asInt() : null));
        }
        return new FetchedPost(id, "https://x.com/" + username + "/status/" + id, instant(text(t, "created_at")), null,
                text(t, "text"), images, null);
    }

    private static boolean notFound(JsonNode body) {
        for (JsonNode e : body.path("errors")) {
            String type = text(e, "type");
            if (type != null && type.endsWith("/resource-not-found")) return true;
        }
        return false;
    }

    private static String errorDetail(JsonNode body) {
        for (JsonNode e : body.path("errors")) {
            String d = text(e, "detail");
            if (d != null) return " (" + d + ")";
        }
        return "";
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        if (bearerToken == null) {
            posts.forEach(p -> out.put(p.id(), PostStatus.UNREACHABLE));
            return out;
        }
        String base = base(account, API);
        for (int i = 0; i < posts.size(); i += LOOKUP_MAX) {
            List<PostRef> batch = posts.subList(i, Math.min(posts.size(), i + LOOKUP_MAX));
            try {
                String ids = String.join(",", batch.stream().map(PostRef::externalId).toList());
                JsonNode body = call(account, url(base + "/2/tweets").addQueryParameter("ids", ids));
                Set<String> live = new HashSet<>();
                body.path("data").forEach(t -> live.add(text(t, "id")));
                Set<String> gone = new HashSet<>();
                for (JsonNode e : body.path("errors")) {
                    String type = text(e, "type");
                    String rid = text(e, "resource_id");
                    if (rid == null) rid = text(e, "value");
                    if (type != null && type.endsWith("/resource-not-found") && rid != null) gone.add(rid);
                }
                for (PostRef p : batch) {
                    PostStatus s = live.contains(p.externalId()) ? PostStatus.LIVE
                            : gone.contains(p.externalId()) ? PostStatus.DELETED : PostStatus.UNREACHABLE;
                    out.put(p.id(), s);
                }
            } catch (SourceException | RuntimeException e) {
                batch.forEach(p -> out.put(p.id(), PostStatus.UNREACHABLE));
            }
        }
        return out;
    }
}
