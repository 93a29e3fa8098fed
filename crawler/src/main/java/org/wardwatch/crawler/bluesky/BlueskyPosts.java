package org.wardwatch.crawler.bluesky;

import static org.wardwatch.crawler.BaseSource.instant;
import static org.wardwatch.crawler.BaseSource.integer;
import static org.wardwatch.crawler.BaseSource.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;

import com.fasterxml.jackson.databind.JsonNode;

/** A post view of the AppView as a post: its text, and the images of its embed with their alt text. */
final class BlueskyPosts {
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
        images(post.path("embed"), media);
        return new FetchedPost(uri, permalink(did, uri), sortAt(post), null, text(post.path("record"), "text"), media, null);
    }

    static String permalink(String did, String uri) {
        return "https://bsky.app/profile/" + did + "/post/" + uri.substring(uri.lastIndexOf('/') + 1);
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
                // links and quoted records carry no image of this post
            }
        }
    }

    private static String first(String... s) {
        for (String v : s) if (v != null) return v;
        return null;
    }
}
