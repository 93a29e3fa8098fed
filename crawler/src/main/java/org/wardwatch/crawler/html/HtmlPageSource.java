package org.wardwatch.crawler.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import org.wardwatch.crawler.feed.Permalinks;
import org.wardwatch.crawler.http.ConditionalGet;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;
import org.wardwatch.crawler.http.RobotsTxt;
import org.wardwatch.crawler.http.Validators;

import okhttp3.Request;

/**
 * A public web page (the handle is its URL), read only where robots.txt allows, with a conditional
 * GET. The page is one post: its article text, its {@code og:image} and its {@code <img>} tags with
 * their alt text. When the page changes the post is offered again and the store records the edit.
 */
public final class HtmlPageSource extends BaseSource {
    public HtmlPageSource(HttpStack http, CrawlLimits limits, HttpClock clock) {
        super(http, limits, clock);
    }

    @Override
    public Platform platform() {
        return Platform.HTML;
    }

    @Override
    public CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException {
        Cursor cursor = Cursor.parse(state.cursor());
        Validators sent = state.firstCrawl() ? Validators.NONE : new Validators(cursor.get("etag"), cursor.get("lastModified"));
        ConditionalGet cond = new ConditionalGet(sent);
        Request request = request(account, deadline, account.handle()).header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .tag(ConditionalGet.class, cond).tag(RobotsTxt.class, RobotsTxt.CHECK).build();
        Reply reply = send(request);
        if (cond.notModified()) return new CrawlBatch(List.of(), state, null, List.of());
        if (!reply.ok()) throw new SourceException(label(account) + ": HTTP " + reply.code() + " from " + reply.url());
        String type = reply.header("Content-Type");
        if (type != null && !type.contains("html")) {
            throw new SourceException(label(account) + ": not an HTML page (" + type + ") at " + reply.url());
        }
        FetchedPost post = read(Jsoup.parse(reply.text(), reply.url()), reply.url());
        Validators keep = cond.keep();
        Cursor next = cursor.with("etag", keep.etag()).with("lastModified", keep.lastModified())
                .with("checked", clock.now().toString());
        return new CrawlBatch(List.of(post), new CrawlState(next.toString(), state.externalAccountId()), null, List.of());
    }

    static FetchedPost read(Document doc, String url) {
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        String id = canonical.isBlank() ? url : canonical;
        // a <noscript> stays for now: it may hold the only plain <img> of a lazy-loaded picture
        doc.select("script, style, template").remove();
        Element body = doc.selectFirst("article");
        if (body == null) body = doc.selectFirst("main");
        if (body == null) body = doc.body();
        String title = meta(doc, "og:title");
        if (title == null) title = doc.title();
        String text = HtmlContent.text(body.html());
        if (title != null && !title.isBlank() && !text.startsWith(title)) text = title + "\n\n" + text;

        List<FetchedMedia> og = new ArrayList<>();
        for (Element m : doc.select("meta[property=og:image], meta[property=og:image:url], meta[name=twitter:image]")) {
            String src = m.attr("abs:content");
            if (src.startsWith("http")) og.add(FetchedMedia.of(src, meta(doc, "og:image:alt")));
        }
        List<FetchedMedia> media = HtmlContent.merge(og, HtmlContent.images(body.select("img")));
        Instant published = instant(meta(doc, "article:published_time"));
        if (published == null) {
            Element time = body.selectFirst("time[datetime]");
            if (time != null) published = instant(time.attr("datetime"));
        }
        Instant modified = instant(meta(doc, "article:modified_time"));
        return new FetchedPost(id, id, published, modified, text, media, null);
    }

    private static String meta(Document doc, String property) {
        Element m = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return m == null || m.attr("content").isBlank() ? null : m.attr("content").strip();
    }

    @Override
    public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts) {
        return Permalinks.recheck(http, posts);
    }
}
