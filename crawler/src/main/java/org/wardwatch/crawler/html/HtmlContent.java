package org.wardwatch.crawler.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wardwatch.core.source.FetchedMedia;

/**
 * Reads the text and the images (with their alt text) out of an HTML fragment or page: a feed item's
 * body, a WordPress post's content, a public page.
 */
public final class HtmlContent {
    private HtmlContent() {
    }

    public static String text(String html) {
        if (html == null || html.isBlank()) return "";
        Document d = Jsoup.parseBodyFragment(html);
        d.select("script, style, noscript").remove();
        // keep paragraph breaks so captions read as written
        d.select("br").after("\\n");
        d.select("p, div, li, h1, h2, h3, h4, h5, h6").after("\\n");
        return d.text().replace("\\n", "\n").replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /**
     * Every {@code <img>}'s real image (lazy-loaded, responsive, in a {@code <picture>} or a
     * {@code <noscript>}: see {@link ImageSources}), and a {@code <picture>} that has only
     * {@code <source>}s, resolved against {@code baseUrl}, once each.
     */
    public static List<FetchedMedia> images(String html, String baseUrl) {
        if (html == null || html.isBlank()) return List.of();
        Document d = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        List<FetchedMedia> pictures = new ArrayList<>();
        for (Element picture : d.select("picture")) {
            if (picture.selectFirst("img") != null) continue;
            ImageSources.Chosen c = ImageSources.ofPicture(picture);
            if (c != null) pictures.add(new FetchedMedia(c.url(), null, null, c.width(), c.height()));
        }
        return merge(images(d.select("img")), pictures);
    }

    /** The real image of each {@code <img>}, once per URL (a later tag's alt text fills in a missing one). */
    public static List<FetchedMedia> images(List<Element> imgs) {
        List<FetchedMedia> found = new ArrayList<>();
        for (Element img : imgs) {
            ImageSources.Chosen src = ImageSources.choose(img);
            if (src == null) continue;
            String alt = img.hasAttr("alt") ? img.attr("alt") : null;
            found.add(new FetchedMedia(src.url(), alt, null, src.width(), src.height()));
        }
        return merge(found, List.of());
    }

    /** Merges media lists, keeping the first of each URL but filling in alt text a later one has. */
    public static List<FetchedMedia> merge(List<FetchedMedia> a, List<FetchedMedia> b) {
        Map<String, FetchedMedia> m = new LinkedHashMap<>();
        for (List<FetchedMedia> list : List.of(a, b)) {
            for (FetchedMedia fm : list) {
                FetchedMedia had = m.get(fm.url());
                if (had == null) m.put(fm.url(), fm);
                else if (had.altText() == null && fm.altText() != null) {
                    m.put(fm.url(), new FetchedMedia(had.url(), fm.altText(), had.mimeHint() == null ? fm.mimeHint() : had.mimeHint(),
                            had.width() == null ? fm.width() : had.width(), had.height() == null ? fm.height() : had.height()));
                }
            }
        }
        return new ArrayList<>(m.values());
    }
}
