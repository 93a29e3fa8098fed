package org.wardwatch.crawler.wordpress;

import static org.wardwatch.crawler.BaseSource.instant;
import static org.wardwatch.crawler.BaseSource.integer;
import static org.wardwatch.crawler.BaseSource.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.html.HtmlContent;

import com.fasterxml.jackson.databind.JsonNode;

/** A post of the REST API as a post: title and content as text, the featured image and the content's images. */
final class WordPressPosts {
    static final Pattern POST_ID = Pattern.compile("[?&]p=(\\d+)");

    private WordPressPosts() {
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
}
