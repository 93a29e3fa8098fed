package org.wardwatch.crawler.mastodon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.html.HtmlContent;

import com.fasterxml.jackson.databind.JsonNode;

/** A Mastodon status as a post: its text, its attachments with their descriptions as alt text. */
final class Statuses {
    private Statuses() {
    }

    /** @param itemErrors told of each attachment that is kept out, the post itself being returned */
    static FetchedPost toPost(JsonNode s, String instance, Consumer<String> itemErrors) {
        String id = text(s, "id");
        List<FetchedMedia> media = attachments(s, "status " + id, itemErrors);
        return new FetchedPost(instance + "/" + id, text(s, "url"), MastodonSource.instant(text(s, "created_at")),
                MastodonSource.instant(text(s, "edited_at")), text(s), media, text(s, "visibility"));
    }

    /** The content as a reader sees it, the content warning first. */
    static String text(JsonNode s) {
        String spoiler = text(s, "spoiler_text");
        String content = HtmlContent.text(text(s, "content"));
        return spoiler == null || spoiler.isBlank() ? content : spoiler + "\n\n" + content;
    }

    static List<FetchedMedia> attachments(JsonNode s, String owner, Consumer<String> itemErrors) {
        List<FetchedMedia> media = new ArrayList<>();
        for (JsonNode m : s.path("media_attachments")) {
            String type = text(m, "type");
            // a video, GIF or audio shows its preview still; only an image's own file is the image
            String url = "image".equals(type) ? first(text(m, "url"), text(m, "remote_url")) : text(m, "preview_url");
            if (url == null) {
                itemErrors.accept(owner + ": attachment " + text(m, "id") + " has no URL yet (still processing)");
                continue;
            }
            JsonNode original = m.path("meta").path("original");
            media.add(new FetchedMedia(url, text(m, "description"), null,
                    MastodonSource.integer(original, "width"), MastodonSource.integer(original, "height")));
        }
        return media;
    }

    private static String text(JsonNode n, String field) {
        return MastodonSource.text(n, field);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
