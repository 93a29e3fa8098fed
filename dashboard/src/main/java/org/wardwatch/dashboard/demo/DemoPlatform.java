package org.wardwatch.dashboard.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * A small social-media server on loopback for the demo: Mastodon, Bluesky, WordPress and RSS
 * endpoints shaped like the real platforms' public APIs, serving the fictional provider's posts and
 * the drawn images. WardWatch's real crawlers read it exactly as they read the real platforms, and
 * a post deleted here is found gone by the real re-check.
 */
public final class DemoPlatform implements AutoCloseable {
    /** An image attached to a post. */
    public record Image(String name, byte[] bytes, String mime, String alt, int width, int height) {
    }

    /** One post on one demo account. */
    public static final class Post {
        final String platform;
        final String account;
        final String id;
        final String title;
        final String text;
        final List<Image> images;
        final Instant at;
        volatile boolean deleted;

        Post(String platform, String account, String id, String title, String text, List<Image> images, Instant at) {
            this.platform = platform;
            this.account = account;
            this.id = id;
            this.title = title;
            this.text = text;
            this.images = List.copyOf(images);
            this.at = at;
        }

        public String platform() {
            return platform;
        }

        public String account() {
            return account;
        }

        public String text() {
            return text;
        }
    }

    private final Javalin server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Image> images = new ConcurrentHashMap<>();
    private int nextId = 110_000;

    public DemoPlatform() {
        server = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        server.get("/robots.txt", ctx -> ctx.contentType("text/plain").result("User-agent: *\nAllow: /\n"));
        server.get("/media/{name}", ctx -> {
            Image img = images.get(ctx.pathParam("name"));
            if (img == null) {
                ctx.status(404);
                return;
            }
            ctx.contentType(img.mime()).result(img.bytes());
        });
        mastodon();
        bluesky();
        wordpress();
        rss();
    }

    public DemoPlatform start() {
        server.start("127.0.0.1", 0);
        return this;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Publishes a post on an account; returns it so the caller can delete it later. */
    public synchronized Post publish(String platform, String account, String title, String text, Instant at, Image... attached) {
        for (Image i : attached) images.put(i.name(), i);
        Post p = new Post(platform, account, String.valueOf(nextId++), title, text, List.of(attached), at);
        posts.add(p);
        return p;
    }

    /** Takes a post down, as its owner would after a removal request. */
    public void delete(Post p) {
        p.deleted = true;
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    private List<Post> live(String platform, String account) {
        return posts.stream().filter(p -> !p.deleted && p.platform.equals(platform) && p.account.equals(account))
                .sorted(Comparator.comparing((Post p) -> p.at).reversed()).toList();
    }

    private Post find(String platform, String id) {
        return posts.stream().filter(p -> !p.deleted && p.platform.equals(platform) && p.id.equals(id)).findFirst().orElse(null);
    }

    private String mediaUrl(Image i) {
        return base() + "/media/" + i.name();
    }

    public String permalink(Post p) {
        return switch (p.platform) {
            case "mastodon" -> base() + "/mastodon/@" + p.account + "/" + p.id;
            case "wordpress" -> base() + "/wp/" + p.account + "/" + p.id + "/";
            case "rss" -> base() + "/news/" + p.account + "/" + p.id;
            default -> base() + "/bsky/profile/" + p.account + "/post/" + p.id;
        };
    }

    // ---- Mastodon: account lookup, statuses, batch and single status lookup

    private void mastodon() {
        server.get("/mastodon/api/v1/accounts/lookup", ctx -> {
            String acct = String.valueOf(ctx.queryParam("acct")).replaceFirst("^@", "");
            if (posts.stream().noneMatch(p -> p.platform.equals("mastodon") && p.account.equals(acct))) {
                ctx.status(404).json(Map.of("error", "Record not found"));
                return;
            }
            ctx.json(mastodonAccount(acct));
        });
        server.get("/mastodon/api/v1/accounts/{id}/statuses", ctx -> {
            String acct = ctx.pathParam("id");
            ctx.json(live("mastodon", acct).stream().map(this::status).toList());
        });
        server.get("/mastodon/api/v1/statuses", ctx -> {
            List<Object> found = new ArrayList<>();
            for (String id : ctx.queryParams("id[]")) {
                Post p = find("mastodon", id);
                if (p != null) found.add(status(p));
            }
            ctx.json(found);
        });
        server.get("/mastodon/api/v1/statuses/{id}", ctx -> {
            Post p = find("mastodon", ctx.pathParam("id"));
            if (p == null) ctx.status(404).json(Map.of("error", "Record not found"));
            else ctx.json(status(p));
        });
        server.get("/mastodon/@{acct}/{id}", ctx -> page(ctx, find("mastodon", ctx.pathParam("id"))));
    }

    private Map<String, Object> mastodonAccount(String acct) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", acct);
        a.put("username", acct);
        a.put("acct", acct);
        a.put("display_name", acct);
        a.put("discoverable", true);
        a.put("indexable", true);
        a.put("url", base() + "/mastodon/@" + acct);
        return a;
    }

    private Map<String, Object> status(Post p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", p.id);
        s.put("created_at", p.at.toString());
        s.put("edited_at", null);
        s.put("visibility", "public");
        s.put("spoiler_text", "");
        s.put("url", permalink(p));
        s.put("content", "<p>" + html(p.text) + "</p>");
        s.put("reblog", null);
        s.put("account", mastodonAccount(p.account));
        List<Object> media = new ArrayList<>();
        for (Image i : p.images) {
            media.add(Map.of("id", i.name(), "type", "image", "url", mediaUrl(i), "preview_url", mediaUrl(i),
                    "description", i.alt() == null ? "" : i.alt(),
                    "meta", Map.of("original", Map.of("width", i.width(), "height", i.height()))));
        }
        s.put("media_attachments", media);
        return s;
    }

    // ---- Bluesky AppView: profile, author feed, getPosts

    private void bluesky() {
        server.get("/bsky/xrpc/app.bsky.actor.getProfile", ctx -> {
            String actor = String.valueOf(ctx.queryParam("actor")).replaceFirst("^@", "");
            ctx.json(Map.of("did", did(actor), "handle", actor, "labels", List.of()));
        });
        server.get("/bsky/xrpc/app.bsky.feed.getAuthorFeed", ctx -> {
            String actor = String.valueOf(ctx.queryParam("actor"));
            String handle = actor.startsWith("did:plc:") ? actor.substring("did:plc:".length()).replace('-', '.') : actor;
            ctx.json(Map.of("feed", live("bluesky", handle).stream().map(p -> Map.of("post", bskyPost(p))).toList()));
        });
        server.get("/bsky/xrpc/app.bsky.feed.getPosts", ctx -> {
            List<Object> found = new ArrayList<>();
            for (String uri : ctx.queryParams("uris")) {
                String id = uri.substring(uri.lastIndexOf('/') + 1);
                Post p = find("bluesky", id);
                if (p != null) found.add(bskyPost(p));
            }
            ctx.json(Map.of("posts", found));
        });
    }

    private static String did(String handle) {
        return "did:plc:" + handle.replace('.', '-');
    }

    private Map<String, Object> bskyPost(Post p) {
        String did = did(p.account);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("uri", "at://" + did + "/app.bsky.feed.post/" + p.id);
        post.put("cid", "bafy" + p.id);
        post.put("author", Map.of("did", did, "handle", p.account, "labels", List.of()));
        post.put("record", Map.of("$type", "app.bsky.feed.post", "text", p.text, "createdAt", p.at.toString()));
        post.put("indexedAt", p.at.toString());
        if (!p.images.isEmpty()) {
            post.put("embed", Map.of("$type", "app.bsky.embed.images#view", "images", p.images.stream().map(i -> Map.of(
                    "fullsize", mediaUrl(i), "thumb", mediaUrl(i), "alt", i.alt() == null ? "" : i.alt(),
                    "aspectRatio", Map.of("width", i.width(), "height", i.height()))).toList()));
        }
        return post;
    }

    // ---- WordPress REST API

    private void wordpress() {
        server.get("/wp/{site}/wp-json/wp/v2/posts", ctx -> {
            List<Post> list = live("wordpress", ctx.pathParam("site"));
            ctx.header("X-WP-Total", String.valueOf(list.size())).header("X-WP-TotalPages", "1");
            ctx.json(list.stream().map(this::wpPost).toList());
        });
        server.get("/wp/{site}/wp-json/wp/v2/posts/{id}", ctx -> {
            Post p = find("wordpress", ctx.pathParam("id"));
            if (p == null) ctx.status(404).json(Map.of("code", "rest_post_invalid_id", "message", "Invalid post ID."));
            else ctx.json(wpPost(p));
        });
        server.get("/wp/{site}/{id}/", ctx -> page(ctx, find("wordpress", ctx.pathParam("id"))));
    }

    private Map<String, Object> wpPost(Post p) {
        String when = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(p.at.atOffset(ZoneOffset.UTC).withNano(0));
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", Integer.parseInt(p.id));
        w.put("date_gmt", when);
        w.put("modified_gmt", when);
        w.put("link", permalink(p));
        w.put("guid", Map.of("rendered", base() + "/wp/" + p.account + "/?p=" + p.id));
        w.put("title", Map.of("rendered", html(p.title == null ? "" : p.title)));
        w.put("content", Map.of("rendered", "<p>" + html(p.text) + "</p>"));
        w.put("_embedded", Map.of("wp:featuredmedia", p.images.stream().map(i -> Map.of("source_url", mediaUrl(i),
                "alt_text", i.alt() == null ? "" : i.alt(), "mime_type", i.mime(),
                "media_details", Map.of("width", i.width(), "height", i.height()))).toList()));
        return w;
    }

    // ---- RSS 2.0 with Media RSS

    private void rss() {
        server.get("/news/{feed}.xml", ctx -> {
            String feed = ctx.pathParam("feed");
            StringBuilder x = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
                    """);
            x.append("<title>").append(html(feed)).append("</title><link>").append(base()).append("/news/").append(feed)
                    .append("</link><description>News</description>\n");
            for (Post p : live("rss", feed)) {
                x.append("<item><title>").append(html(p.title == null ? "" : p.title)).append("</title>")
                        .append("<link>").append(permalink(p)).append("</link>")
                        .append("<guid isPermaLink=\"true\">").append(permalink(p)).append("</guid>")
                        .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(p.at.atOffset(ZoneOffset.UTC)))
                        .append("</pubDate><description>").append(html(p.text)).append("</description>");
                for (Image i : p.images) {
                    x.append("<media:content url=\"").append(mediaUrl(i)).append("\" medium=\"image\" type=\"")
                            .append(i.mime()).append("\" width=\"").append(i.width()).append("\" height=\"").append(i.height())
                            .append("\"><media:description>").append(html(i.alt() == null ? "" : i.alt()))
                            .append("</media:description></media:content>");
                }
                x.append("</item>\n");
            }
            x.append("</channel></rss>\n");
            ctx.contentType("application/rss+xml; charset=utf-8").result(x.toString());
        });
        server.get("/news/{feed}/{id}", ctx -> page(ctx, find("rss", ctx.pathParam("id"))));
    }

    private void page(Context ctx, Post p) {
        if (p == null) {
            ctx.status(404).html("<!doctype html><title>Not found</title><p>This post has been removed.</p>");
            return;
        }
        StringBuilder h = new StringBuilder("<!doctype html><meta charset=utf-8><title>")
                .append(html(p.title == null ? p.account : p.title)).append("</title><article><p>").append(html(p.text)).append("</p>");
        for (Image i : p.images) h.append("<img src=\"").append(mediaUrl(i)).append("\" alt=\"").append(html(i.alt() == null ? "" : i.alt())).append("\">");
        ctx.html(h.append("</article>").toString());
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop();
    }
}
