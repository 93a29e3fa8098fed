package org.wardwatch.crawler.wordpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.Crawl;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.Page;
import org.wardwatch.crawler.PagedSource;
import org.wardwatch.crawler.Watermark;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.HttpUrl;

/**
 * A WordPress site through its REST API ({@code /wp-json/wp/v2/posts?_embed}), newest first, paged
 * by {@code page} up to {@code X-WP-TotalPages}. Images are the featured media and the
 * {@code <img>} tags of the content, each with its alt text. The account's handle is the site URL;
 * a base URL, when given, is the REST root. When that root is not the API (a 404, or a page of the
 * site) the root is found from the site itself ({@link RestRoot}) and kept in the cursor.
 */
public final class WordPressSource extends PagedSource<JsonNode> {
    private static final int PAGE_MAX = 100;
    private static final String API = "api";

    public WordPressSource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
    }

    @Override
    public Platform platform() {
        return Platform.WORDPRESS;
    }

    /** The REST root to use: the one found last time, else the registered one. */
    static String api(Account account, Cursor cursor) {
        String found = cursor.get(API);
        return found != null ? found : RestRoot.configured(account);
    }

    @Override
    protected Watermark watermark() {
        return Watermark.byTime("newestId");
    }

    /** @param next the URL of the next page, which carries the REST root the first page was found at */
    @Override
    protected Page<JsonNode> page(Crawl crawl, String next) throws SourceException {
        if (next != null) return posts(crawl, get(crawl, next), next);
        String root = api(crawl.account(), crawl.cursor());
        String url = postsUrl(root, 1);
        Reply r = get(crawl, url);
        if (notTheApi(r)) {
            String found = discover(crawl, root);
            if (found == null) throw noApi(crawl.account(), root, r, null);
            url = postsUrl(found, 1);
            Reply again = get(crawl, url);
            if (notTheApi(again)) throw noApi(crawl.account(), root, r, found + " (" + why(again) + ")");
            crawl.remember(API, found.equals(RestRoot.configured(crawl.account())) ? null : found);
            r = again;
        }
        return posts(crawl, r, url);
    }

    /**
     * The REST root the site announces on its own pages, else the {@code ?rest_route=} root of a site
     * without pretty permalinks (which need announce nothing); null when only the root tried is left.
     */
    private String discover(Crawl crawl, String tried) throws SourceException {
        List<String> sites = RestRoot.sites(crawl.account());
        for (String site : sites) {
            String root = RestRoot.announced(send(crawl.request(site).header("Accept", "text/html").build()));
            if (root != null && !root.equals(tried)) return root;
        }
        String plain = sites.isEmpty() ? null : RestRoot.plain(sites.get(0));
        return plain == null || plain.equals(tried) ? null : plain;
    }

    private Reply get(Crawl crawl, String url) throws SourceException {
        return send(crawl.request(url).header("Accept", "application/json").build());
    }

    private Page<JsonNode> posts(Crawl crawl, Reply r, String url) throws SourceException {
        Account account = crawl.account();
        if (r.code() == 400 && errorCode(r).equals("rest_post_invalid_page_number")) {
            // asked past the last page (posts were deleted since the count): that is the end
            return new Page<>(List.of(), null);
        }
        if (r.code() == 401 || r.code() == 403) {
            throw new SourceException(label(account) + ": site refuses anonymous REST access (HTTP " + r.code() + errorText(r) + ")");
        }
        JsonNode body = json(account, r);
        if (!body.isArray()) throw new SourceException(label(account) + ": malformed JSON from " + url + ": not a list of posts");
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        HttpUrl u = HttpUrl.parse(url);
        String asked = u == null ? null : u.queryParameter("page");
        int page = asked == null ? 1 : Integer.parseInt(asked);
        int totalPages = intHeader(r, "X-WP-TotalPages");
        boolean more = totalPages > 0 ? page < totalPages : items.size() >= limits.pageSize(PAGE_MAX);
        return new Page<>(items, more && !items.isEmpty() && u != null
                ? u.newBuilder().setQueryParameter("page", String.valueOf(page + 1)).build().toString() : null);
    }

    private String postsUrl(String root, int page) throws SourceException {
        return url(root + "/wp/v2/posts").addQueryParameter("_embed", "1")
                .addQueryParameter("per_page", String.valueOf(limits.pageSize(PAGE_MAX)))
                .addQueryParameter("page", String.valueOf(page)).addQueryParameter("orderby", "date")
                .addQueryParameter("order", "desc").build().toString();
    }

    /** A 404, or a page of the site where the API should be (a theme that answers every path). */
    private static boolean notTheApi(Reply r) {
        String type = r.header("Content-Type");
        return r.code() == 404 || (r.ok() && type != null && type.contains("text/html"));
    }

    private static String why(Reply r) {
        return r.code() == 404 ? "HTTP 404" + errorText(r) : "HTTP " + r.code() + ", an HTML page";
    }

    private SourceException noApi(Account account, String root, Reply r, String alsoTried) {
        return new SourceException(label(account) + ": no WordPress REST API at " + root + " (" + why(r) + ")"
                + (alsoTried == null ? "; the site announces none" : "; nor at " + alsoTried));
    }

    @Override
    protected String id(JsonNode post) {
        return text(post, "id");
    }

    @Override
    protected Instant time(JsonNode post) {
        return WordPressPosts.gmt(text(post, "date_gmt"));
    }

    @Override
    protected FetchedPost toPost(Crawl crawl, JsonNode post) {
        List<String> sites = RestRoot.sites(crawl.account());
        return WordPressPosts.toPost(post, sites.isEmpty() ? crawl.account().handle() : sites.get(0));
    }

    @Override
    protected String noun() {
        return "post";
    }

    private static int intHeader(Reply r, String name) {
        try {
            String v = r.header(name);
            return v == null ? -1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String errorCode(Reply r) {
        try {
            String c = text(JSON.readTree(r.body()), "code");
            return c == null ? "" : c;
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        String api = api(account, Cursor.parse(state.cursor()));
        for (PostRef p : posts) {
            Matcher m = WordPressPosts.POST_ID.matcher(p.externalId());
            if (!m.find()) {
                out.put(p.id(), PostStatus.UNREACHABLE);
                continue;
            }
            try {
                Reply r = send(request(account, Deadline.NONE, api + "/wp/v2/posts/" + m.group(1)).build());
                String code = errorCode(r);
                if (r.ok()) out.put(p.id(), PostStatus.LIVE);
                // 404 rest_post_invalid_id: deleted; 401 rest_forbidden: trashed, private or back to draft.
                // A bare 404 (no REST API answering at all) proves nothing about the post.
                else if ((r.code() == 404 && code.equals("rest_post_invalid_id")) || r.code() == 410
                        || (r.code() == 401 && code.equals("rest_forbidden"))) {
                    out.put(p.id(), PostStatus.DELETED);
                } else out.put(p.id(), PostStatus.UNREACHABLE);
            } catch (SourceException e) {
                out.put(p.id(), PostStatus.UNREACHABLE);
            }
        }
        return out;
    }
}
