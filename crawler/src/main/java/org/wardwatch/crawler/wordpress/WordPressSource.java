package org.wardwatch.crawler.wordpress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.wardwatch.crawler.html.HtmlContent;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WordPress site through its REST API ({@code /wp-json/wp/v2/posts?_embed}), newest first, paged
 * by {@code page} up to {@code X-WP-TotalPages}. Images are the featured media and the
 * {@code <img>} tags of the content, each with its alt text. The account's handle is the site URL;
 * a base URL, when given, is the REST root (for sites without pretty permalinks).
 */
public final class WordPressSource extends PagedSource<JsonNode> {
    private static final int PAGE_MAX = 100;
    private static final Pattern POST_ID = Pattern.compile("[?&]p=(\\d+)");

    public WordPressSource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
    }

    @Override
    public Platform platform() {
        return Platform.WORDPRESS;
    }

    static String api(Account account) {
        if (account.baseUrl() != null) return account.baseUrl().replaceAll("/+$", "");
        return account.handle().replaceAll("/+$", "") + "/wp-json";
    }

    @Override
    protected Watermark watermark() {
        return Watermark.byTime("newestId");
    }

    @Override
    protected Page<JsonNode> page(Crawl crawl, String next) throws SourceException {
        Account account = crawl.account();
        String api = api(account);
        int perPage = limits.pageSize(PAGE_MAX);
        int page = next == null ? 1 : Integer.parseInt(next);
        String u = url(api + "/wp/v2/posts").addQueryParameter("_embed", "1").addQueryParameter("per_page", String.valueOf(perPage))
                .addQueryParameter("page", String.valueOf(page)).addQueryParameter("orderby", "date")
                .addQueryParameter("order", "desc").build().toString();
        Reply r = send(crawl.request(u).header("Accept", "application/json").build());
        if (r.code() == 400 && errorCode(r).equals("rest_post_invalid_page_number")) {
            // asked past the last page (posts were deleted since the count): that is the end
            return new Page<>(List.of(), null);
        }
        if (r.code() == 401 || r.code() == 403) {
            throw new SourceException(label(account) + ": site refuses anonymous REST access (HTTP " + r.code() + errorText(r) + ")");
        }
        if (r.code() == 404) {
            throw new SourceException(label(account) + ": no WordPress REST API at " + api + " (HTTP 404" + errorText(r) + ")");
        }
        JsonNode body = json(account, r);
        if (!body.isArray()) throw new SourceException(label(account) + ": malformed JSON from " + u + ": not a list of posts");
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        int totalPages = intHeader(r, "X-WP-TotalPages");
        boolean more = totalPages > 0 ? page < totalPages : items.size() >= perPage;
        return new Page<>(items, more && !items.isEmpty() ? String.valueOf(page + 1) : null);
    }

    @Override
    protected String id(JsonNode post) {
        return text(post, "id");
    }

    @Override
    protected Instant time(JsonNode post) {
        return gmt(text(post, "date_gmt"));
    }

    @Override
    protected FetchedPost toPost(Crawl crawl, JsonNode post) {
        return toPost(post, crawl.account().handle());
    }

    @Override
    protected String noun() {
        return "post";
    }

    static FetchedPost toPost(JsonNode p, String site) {
        String id = text(p, "id");
        if (id == null) throw new IllegalArgumentException("post without id");
        String guid = text(p.path("guid"), "rendered");
        String externalId = guid != null && POST_ID.matcher(guid).find() ? guid
                : site.replaceAll("/+$", "") + "/?p=" + id;
        String link = text(p, "link");
        String title = HtmlContent.text(text(p.path("title"), "rendered"));
        String content = text(p.path("content"), "rendered");
        String body = HtmlContent.text(content);
        String text = title.isBlank() ? body : body.isBlank() ? title : title + "\n\n" + body;
        List<FetchedMedia> featured = new ArrayList<>();
        for (JsonNode m : p.path("_embedded").path("wp:featuredmedia")) {
            String url = text(m, "source_url");
            // an embedded item the site will not show anonymously comes back as an error object
            if (url == null || m.has("code")) continue;
            String alt = text(m, "alt_text");
            if (alt == null || alt.isBlank()) alt = HtmlContent.text(text(m.path("caption"), "rendered"));
            JsonNode d = m.path("media_details");
            featured.add(new FetchedMedia(url, alt, text(m, "mime_type"), integer(d, "width"), integer(d, "height")));
        }
        List<FetchedMedia> media = HtmlContent.merge(featured, HtmlContent.images(content, link != null ? link : site));
        Instant published = gmt(text(p, "date_gmt"));
        Instant modified = gmt(text(p, "modified_gmt"));
        return new FetchedPost(externalId, link, published, modified != null && !modified.equals(published) ? modified : null,
                text, media, null);
    }

    /** WordPress's {@code *_gmt} fields are UTC without a zone. */
    static Instant gmt(String s) {
        if (s == null || s.isBlank()) return null;
        return instant(s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$") ? s : s + "Z");
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
        String api = api(account);
        for (PostRef p : posts) {
            Matcher m = POST_ID.matcher(p.externalId());
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
