package org.wardwatch.crawler.bluesky;

import static org.wardwatch.crawler.BaseSource.instant;
import static org.wardwatch.crawler.BaseSource.integer;
import static org.wardwatch.crawler.BaseSource.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wardwatch.core.source.AttachedText;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A post view of the AppView as a post, as a reader sees it: its text, the images of its embed with
 * their alt text, the labels on it as warnings, and what it shows of another post or page: a
 * quoted post (with its images) and a link card (with its thumbnail).
 */
final class BlueskyPosts {
    private static final String VIEW_RECORD = "app.bsky.embed.record#viewRecord";

    private BlueskyPosts() {
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
        List<FetchedMedia> media = new ArrayList<>();
        List<AttachedText> attached = new ArrayList<>();
        embed(post.path("embed"), media, attached);
        return new FetchedPost(uri, permalink(did, uri), sortAt(post), null, text(post.path("record"), "text"), media, null,
                labels(post), attached);
    }

    static String permalink(String did, String uri) {
        return "https://bsky.app/profile/" + did + "/post/" + uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The labels on the post that still stand (a label its labeller negated does not), as warnings. */
    static List<String> labels(JsonNode post) {
        Map<String, String> standing = new LinkedHashMap<>();
        for (JsonNode label : post.path("labels")) {
            String val = text(label, "val");
            if (val == null) continue;
            String key = text(label, "src") + " " + val;
            if (label.path("neg").asBoolean(false)) standing.remove(key);
            else standing.putIfAbsent(key, "label: " + val);
        }
        return standing.values().stream().distinct().toList();
    }

    /** What an embed view shows: images or a video still, a link card, a quoted post, or a quote with media. */
    static void embed(JsonNode embed, List<FetchedMedia> media, List<AttachedText> attached) {
        String type = String.valueOf(text(embed, "$type"));
        switch (type) {
            case "app.bsky.embed.external#view" -> card(embed.path("external"), media, attached);
            case "app.bsky.embed.record#view" -> quote(embed.path("record"), media, attached);
            case "app.bsky.embed.recordWithMedia#view" -> {
                embed(embed.path("media"), media, attached);
                quote(embed.path("record").path("record"), media, attached);
            }
            default -> images(embed, media);
        }
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
                        out.add(new FetchedMedia(url, text(img, "alt"), null, integer(ar, "width"), integer(ar, "height")));
                    }
                }
            }
            case "app.bsky.embed.video#view" -> {
                String thumb = text(embed, "thumbnail");
                if (thumb != null) out.add(FetchedMedia.of(thumb, text(embed, "alt")));
            }
            case "app.bsky.embed.recordWithMedia#view" -> images(embed.path("media"), out);
            default -> {
                // a link card or a quote inside a quoted post is not shown with it
            }
        }
    }

    /**
     * A quoted post: its text, a link to it and its images. A quoted post that is gone, blocked or
     * detached by its author (viewNotFound, viewBlocked, viewDetached), or a quoted feed or list, shows nothing.
     */
    private static void quote(JsonNode record, List<FetchedMedia> media, List<AttachedText> attached) {
        if (!VIEW_RECORD.equals(text(record, "$type"))) return;
        String uri = text(record, "uri");
        String text = text(record.path("value"), "text");
        if (text != null && !text.isBlank()) {
            String author = text(record.path("author"), "did");
            if (author == null && uri != null) author = uri.replaceFirst("^at://([^/]+)/.*$", "$1");
            attached.add(new AttachedText(AttachedText.QUOTE, text, uri == null ? null : permalink(author, uri)));
        }
        for (JsonNode e : record.path("embeds")) images(e, media);
    }

    /** A link card: title and description as text, its thumbnail as an image (which has no alt text). */
    private static void card(JsonNode external, List<FetchedMedia> media, List<AttachedText> attached) {
        String title = text(external, "title");
        String description = text(external, "description");
        String words = ((title == null ? "" : title.strip()) + "\n" + (description == null ? "" : description.strip())).strip();
        if (!words.isEmpty()) attached.add(new AttachedText(AttachedText.CARD, words, text(external, "uri")));
        String thumb = text(external, "thumb");
        if (thumb != null) media.add(FetchedMedia.of(thumb, null));
    }

    private static String first(String... s) {
        for (String v : s) if (v != null) return v;
        return null;
    }
}
