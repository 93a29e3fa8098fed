package org.wardwatch.crawler.feed;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.html.HtmlContent;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;

/**
 * Maps one feed entry to a post: its id, permalink, dates and text, and its images from
 * {@code enclosure}, Media RSS ({@code media:content}, {@code media:thumbnail}, with
 * {@code media:description} as the alt text) and {@code <img>} tags in the HTML body.
 */
final class FeedEntries {
    private FeedEntries() {
    }

    static FetchedPost toPost(SyndEntry e, String feedUrl) {
        String link = resolve(feedUrl, e.getLink());
        String uri = e.getUri() == null || e.getUri().isBlank() ? null : e.getUri().strip();
        String id;
        if (uri != null) id = uri.contains(":") ? uri : feedUrl + "#" + uri;
        else if (link != null) id = link;
        else throw new IllegalArgumentException("no guid, id or link");
        String permalink = link != null ? link : (uri != null && uri.startsWith("http") ? uri : null);

        Instant published = toInstant(e.getPublishedDate());
        Instant updated = toInstant(e.getUpdatedDate());
        if (published == null) published = updated;
        Instant edited = updated != null && !updated.equals(published) ? updated : null;

        String body = body(e);
        String title = e.getTitle() == null ? "" : HtmlContent.text(e.getTitle());
        String text = HtmlContent.text(body);
        String all = title.isBlank() || text.startsWith(title) ? text : text.isBlank() ? title : title + "\n\n" + text;

        List<FetchedMedia> media = new ArrayList<>(enclosures(e, permalink != null ? permalink : feedUrl));
        media = HtmlContent.merge(media, mediaRss(e));
        media = HtmlContent.merge(media, HtmlContent.images(body, permalink != null ? permalink : feedUrl));
        return new FetchedPost(id, permalink, published, edited, all, media, null);
    }

    /** The fullest HTML the entry has: its content (content:encoded, Atom content), else its description. */
    private static String body(SyndEntry e) {
        StringBuilder sb = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null) sb.append(c.getValue()).append('\n');
        }
        if (sb.length() == 0 && e.getDescription() != null && e.getDescription().getValue() != null) {
            sb.append(e.getDescription().getValue());
        } else if (e.getDescription() != null && e.getDescription().getValue() != null) {
            // a summary beside the content may carry an image the content lacks; text comes from content
            String desc = e.getDescription().getValue();
            if (desc.contains("<img")) sb.append(desc.replaceAll("(?s)^.*?(<img)", "$1"));
        }
        return sb.toString();
    }

    private static List<FetchedMedia> enclosures(SyndEntry e, String base) {
        List<FetchedMedia> out = new ArrayList<>();
        for (SyndEnclosure enc : e.getEnclosures()) {
            String url = resolve(base, enc.getUrl());
            if (url == null) continue;
            String type = enc.getType();
            if (type != null && !type.isBlank() ? type.toLowerCase(Locale.ROOT).startsWith("image/") : looksLikeImage(url)) {
                out.add(new FetchedMedia(url, null, type, null, null));
            }
        }
        return out;
    }

    private static List<FetchedMedia> mediaRss(SyndEntry e) {
        List<FetchedMedia> out = new ArrayList<>();
        if (!(e.getModule(MediaModule.URI) instanceof MediaEntryModule m)) return out;
        for (MediaContent c : m.getMediaContents()) addContent(out, c, m.getMetadata());
        for (MediaGroup g : m.getMediaGroups()) {
            for (MediaContent c : g.getContents()) addContent(out, c, g.getMetadata() != null ? g.getMetadata() : m.getMetadata());
        }
        // item-level thumbnails stand for the item's image when it has no media:content
        if (out.isEmpty() && m.getMetadata() != null) addThumbnails(out, m.getMetadata(), description(m.getMetadata()));
        return out;
    }

    private static void addContent(List<FetchedMedia> out, MediaContent c, Metadata outer) {
        String alt = description(c.getMetadata());
        if (alt == null) alt = description(outer);
        String url = c.getReference() instanceof UrlReference ref && ref.getUrl() != null ? ref.getUrl().toString() : null;
        String type = c.getType();
        String medium = c.getMedium();
        boolean image = "image".equalsIgnoreCase(medium)
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/"))
                || (medium == null && type == null && url != null && looksLikeImage(url));
        if (image && url != null) {
            out.add(new FetchedMedia(url, alt, type, c.getWidth(), c.getHeight()));
        } else if (c.getMetadata() != null) {
            // a video or audio item: its still frame is what a person sees
            addThumbnails(out, c.getMetadata(), alt);
        }
    }

    private static void addThumbnails(List<FetchedMedia> out, Metadata md, String alt) {
        for (Thumbnail t : md.getThumbnail()) {
            if (t.getUrl() != null) out.add(new FetchedMedia(t.getUrl().toString(), alt, null, t.getWidth(), t.getHeight()));
        }
    }

    private static String description(Metadata md) {
        return md == null || md.getDescription() == null || md.getDescription().isBlank() ? null : md.getDescription();
    }

    private static boolean looksLikeImage(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        return path.matches(".*\\.(jpe?g|png|gif|webp|avif|heic|bmp|tiff?)$");
    }

    private static Instant toInstant(Date d) {
        return d == null ? null : d.toInstant();
    }

    static String resolve(String base, String href) {
        if (href == null || href.isBlank()) return null;
        try {
            URI u = URI.create(href.strip());
            if (u.isAbsolute()) return u.toString();
            return base == null ? null : URI.create(base).resolve(u).toString();
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
