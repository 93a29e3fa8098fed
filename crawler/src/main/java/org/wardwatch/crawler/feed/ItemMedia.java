package org.wardwatch.crawler.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.crawler.feed.ItemElement.Kind;
import org.wardwatch.crawler.html.HtmlContent;

/**
 * What a feed item shows or carries: RSS enclosures, Atom enclosure links, Media RSS objects (with
 * {@code media:description} as the alt text, and a video's thumbnail for the video) and the
 * {@code <img>}s of its body. Read from the item's element for both readers, so an item has the same
 * images, and the same id, whichever read it.
 */
final class ItemMedia {
    private final ItemElement el;
    private final Element item;

    ItemMedia(ItemElement el) {
        this.el = el;
        this.item = el.element();
    }

    /** Enclosures (RSS), enclosure links (Atom) and Media RSS objects, image or not. */
    List<String> enclosureUrls() {
        List<String> out = new ArrayList<>();
        for (Element e : el.all(Kind.MAIN, "enclosure")) add(out, FeedUrls.resolve(el.base(e), e.attr("url")));
        for (Element l : el.all(Kind.MAIN, "link")) {
            if (l.attr("rel").equalsIgnoreCase("enclosure")) add(out, FeedUrls.resolve(el.base(l), l.attr("href")));
        }
        for (Element m : item.getAllElements()) {
            if (media(m, "content") || media(m, "thumbnail")) {
                add(out, FeedUrls.resolve(el.base(m), m.attr("url")));
            }
        }
        return out;
    }

    /** The images: image enclosures, Media RSS images (a video's thumbnail), then {@code <img>} in the body. */
    List<FetchedMedia> images(String body, String bodyBase) {
        List<FetchedMedia> out = new ArrayList<>();
        for (Element e : el.all(Kind.MAIN, "enclosure")) image(out, FeedUrls.resolve(el.base(e), e.attr("url")), e.attr("type"), null);
        for (Element l : el.all(Kind.MAIN, "link")) {
            if (l.attr("rel").equalsIgnoreCase("enclosure")) image(out, FeedUrls.resolve(el.base(l), l.attr("href")), l.attr("type"), null);
        }
        out = HtmlContent.merge(out, mediaRss());
        return HtmlContent.merge(out, HtmlContent.images(body, bodyBase));
    }

    private List<FetchedMedia> mediaRss() {
        List<FetchedMedia> out = new ArrayList<>();
        String itemAlt = mediaDescription(item);
        for (Element m : item.getAllElements()) {
            if (!media(m, "content")) continue;
            String url = FeedUrls.resolve(el.base(m), m.attr("url"));
            String alt = mediaDescription(m);
            if (alt == null && m.parent() != null && media(m.parent(), "group")) alt = mediaDescription(m.parent());
            if (alt == null) alt = itemAlt;
            String type = m.attr("type");
            String medium = m.attr("medium");
            boolean image = medium.equalsIgnoreCase("image") || type.toLowerCase(Locale.ROOT).startsWith("image/")
                    || (medium.isEmpty() && type.isEmpty() && url != null && looksLikeImage(url));
            if (image && url != null) {
                out.add(new FetchedMedia(url, alt, type.isEmpty() ? null : type, number(m.attr("width")), number(m.attr("height"))));
            } else {
                // a video or audio object: its still frame is what a person sees
                thumbnails(out, m, alt);
            }
        }
        if (out.isEmpty()) thumbnails(out, item, itemAlt);
        return out;
    }

    private void thumbnails(List<FetchedMedia> out, Element parent, String alt) {
        for (Element t : parent.children()) {
            if (media(t, "thumbnail")) {
                String url = FeedUrls.resolve(el.base(t), t.attr("url"));
                if (url != null) out.add(new FetchedMedia(url, alt, null, number(t.attr("width")), number(t.attr("height"))));
            }
        }
    }

    private String mediaDescription(Element parent) {
        for (Element d : parent.children()) {
            if (media(d, "description") && !d.text().isBlank()) return d.text().strip();
        }
        return null;
    }

    private static void image(List<FetchedMedia> out, String url, String type, String alt) {
        if (url == null) return;
        boolean image = type != null && !type.isBlank() ? type.toLowerCase(Locale.ROOT).startsWith("image/") : looksLikeImage(url);
        if (image) out.add(new FetchedMedia(url, alt, type == null || type.isBlank() ? null : type, null, null));
    }

    private static boolean media(Element e, String name) {
        return ItemElement.local(e).equals(name) && ItemElement.kind(e) == Kind.MEDIA;
    }

    static boolean looksLikeImage(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        return path.matches(".*\\.(jpe?g|png|gif|webp|avif|heic|bmp|tiff?)$");
    }

    private static void add(List<String> out, String url) {
        if (url != null && !out.contains(url)) out.add(url);
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
