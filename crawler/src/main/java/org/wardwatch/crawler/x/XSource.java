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
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedMedia;
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
import okhttp3.Request;

/**
 * An X account through the API v2 with the configured app bearer token (X forbids scraping, so
 * without a token the account is reported as not crawlable rather than skipped). Tweets are paged
 * with {@code pagination_token}; media are joined from {@code includes.media} with their alt text.
 */
public final class XSource extends PagedSource<XSource.Tweet> {
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

    /** A tweet with the media its page included, joined on {@code media_key}. */
    record Tweet(JsonNode data, Map<String, JsonNode> media) {
    }

    @Override
    protected Lookup lookup(Crawl crawl) throws SourceException {
        JsonNode user = call(crawl.account(), crawl.request(url(base(crawl.account(), API) + "/2/users/by/username/"
                + username(crawl.account())).build().toString()));
        String id = text(user.path("data"), "id");
        if (id == null) {
            String why = notFound(user) ? "no such account" : "user lookup gave no id";
            throw new SourceException(label(crawl.account()) + ": " + why + errorDetail(user));
        }
        // X has no opt-out signal of its own
        return new Lookup(id, null);
    }

    @Override
    protected Watermark watermark() {
        return Watermark.byId();
    }

    @Override
    protected Page<Tweet> page(Crawl crawl, String token) throws SourceException {
        HttpUrl.Builder u = url(base(crawl.account(), API) + "/2/users/" + crawl.accountId() + "/tweets")
                .addQueryParameter("max_results", String.valueOf(Math.max(5, limits.pageSize(PAGE_MAX))))
                .addQueryParameter("exclude", "retweets")
                .addQueryParameter("tweet.fields", "created_at,attachments,entities,edit_history_tweet_ids")
                .addQueryParameter("expansions", "attachments.media_keys")
                .addQueryParameter("media.fields", "url,preview_image_url,alt_text,width,height,type");
        // the API itself leaves out what we saw last time and what is older than the first-crawl window
        if (crawl.lastId() != null) u.addQueryParameter("since_id", crawl.lastId());
        if (crawl.cutoff() != null) u.addQueryParameter("start_time", crawl.cutoff().toString());
        if (token != null) u.addQueryParameter("pagination_token", token);
        JsonNode body = call(crawl.account(), crawl.request(u.build().toString()));
        Map<String, JsonNode> media = new HashMap<>();
        for (JsonNode m : body.path("includes").path("media")) {
            String key = text(m, "media_key");
            if (key != null) media.put(key, m);
        }
        JsonNode data = body.path("data");
        if (!data.isMissingNode() && !data.isArray()) {
            throw new SourceException(label(crawl.account()) + ": malformed JSON from " + u.build() + ": data is not a list");
        }
        List<Tweet> items = new ArrayList<>();
        data.forEach(t -> items.add(new Tweet(t, media)));
        return new Page<>(items, text(body.path("meta"), "next_token"));
    }

    @Override
    protected String id(Tweet t) {
        return text(t.data(), "id");
    }

    @Override
    protected Instant time(Tweet t) {
        return instant(text(t.data(), "created_at"));
    }

    @Override
    protected FetchedPost toPost(Crawl crawl, Tweet t) {
        return toPost(t.data(), username(crawl.account()), t.media());
    }

    @Override
    protected String noun() {
        return "tweet";
    }

    private static String username(Account account) {
        return account.handle().replaceFirst("^@", "");
    }

    /** An API call with the bearer token; without one nothing is asked, since X forbids reading any other way. */
    private JsonNode call(Account account, Request.Builder request) throws SourceException {
        if (bearerToken == null) {
            throw new SourceException(label(account) + ": not crawlable: no X API bearer token is configured "
                    + "(crawl.xBearerToken or WARDWATCH_X_BEARER_TOKEN)");
        }
        Reply r = send(request.header("Authorization", "Bearer " + bearerToken).build());
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
            images.add(new FetchedMedia(url, text(m, "alt_text"), null, integer(m, "width"), integer(m, "height")));
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
                JsonNode body = call(account, request(account, Deadline.NONE,
                        url(base + "/2/tweets").addQueryParameter("ids", ids).build().toString()));
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
