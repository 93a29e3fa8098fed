package org.wardwatch.crawler.mastodon;

import static org.wardwatch.crawler.BaseSource.instant;
import static org.wardwatch.crawler.BaseSource.integer;
import static org.wardwatch.crawler.BaseSource.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.wardwatch.core.source.AttachedText;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.html.HtmlContent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Mastodon status as a post, as a reader sees it: its text, attachments with their descriptions
 * as alt text, its content warnings, and what it shows of another page: a quoted status (Mastodon
 * 4.4 quotes) and a link card, each with its text and image.
 */
final class Statuses {
    private Statuses() {
    }

    /** @param itemErrors told of each attachment that is kept out, the post itself being returned */
    static FetchedPost toPost(JsonNode s, String instance, Consumer<String> itemErrors) {
        String id = text(s, "id");
        String owner = "status " + id;
        List<FetchedMedia> media = attachments(s, owner, itemErrors);
        List<AttachedText> attached = new ArrayList<>();
        // only an accepted quote carries the quoted status; a pending, revoked or blocked one shows nothing
        JsonNode quoted = s.path("quote").path("quoted_status");
        if (quoted.isObject()) {
            String quotedText = content(quoted);
            if (!quotedText.isBlank()) {
                attached.add(new AttachedText(AttachedText.QUOTE, quotedText, first(text(quoted, "url"), text(quoted, "uri"))));
            }
            media.addAll(attachments(quoted, owner + ", quoted status " + text(quoted, "id"), itemErrors));
        }
        card(s.path("card"), media, attached);
        return new FetchedPost(instance + "/" + id, text(s, "url"), instant(text(s, "created_at")),
                instant(text(s, "edited_at")), content(s), media, text(s, "visibility"), warnings(s), attached);
    }

    /** The content as a reader sees it, the content warning first. */
    static String content(JsonNode s) {
        String spoiler = text(s, "spoiler_text");
        String content = HtmlContent.text(text(s, "content"));
        return spoiler == null || spoiler.isBlank() ? content : spoiler + "\n\n" + content;
    }

    /** The author's own warnings: a photo hidden as sensitive, a content warning's words. */
    static List<String> warnings(JsonNode s) {
        List<String> out = new ArrayList<>();
        if (s.path("sensitive").asBoolean(false)) out.add("sensitive media");
        String spoiler = text(s, "spoiler_text");
        if (spoiler != null && !spoiler.isBlank()) out.add("content warning: " + spoiler.strip());
        return out;
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
            media.add(new FetchedMedia(url, text(m, "description"), null, integer(original, "width"), integer(original, "height")));
        }
        return media;
    }

    /** A link card: its title and description as text, its image with the description the instance keeps for it. */
    private static void card(JsonNode card, List<FetchedMedia> media, List<AttachedText> attached) {
        if (!card.isObject()) return;
        String words = String.join("\n", nonBlank(text(card, "title")), nonBlank(text(card, "description"))).strip();
        if (!words.isEmpty()) attached.add(new AttachedText(AttachedText.CARD, words, text(card, "url")));
        String image = text(card, "image");
        if (image != null) {
            media.add(new FetchedMedia(image, text(card, "image_description"), null, integer(card, "width"), integer(card, "height")));
        }
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
