package org.wardwatch.crawler.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wardwatch.core.source.FetchedMedia;

import okhttp3.HttpUrl;

/**
 * Reads the text and the images (with their alt text) out of an HTML fragment or page: a feed item's
 * body, a WordPress post's content, a public page.
 */
public final class HtmlContent {
    /** Lazy loaders keep the real picture here and put a placeholder in {@code src}/{@code srcset}. */
    private static final String[] SRCSETS = {"data-srcset", "data-lazy-srcset", "srcset"};
    private static final String[] LAZY_SRCS = {"data-lazy-src", "data-src", "data-original"};

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
     * Every image the HTML shows, resolved against {@code baseUrl}, once each: {@code <img>} (lazy-loaded
     * ones and the fallback in {@code <noscript>} included) and a {@code <picture>} that has only
     * {@code <source>}s.
     */
    public static List<FetchedMedia> images(String html, String baseUrl) {
        if (html == null || html.isBlank()) return List.of();
        Document d = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        List<FetchedMedia> found = images(d.select("img"));
        List<FetchedMedia> pictures = new ArrayList<>();
        for (Element picture : d.select("picture")) {
            if (picture.selectFirst("img") != null) continue;
            Candidate c = fromSources(picture);
            if (c != null) pictures.add(new FetchedMedia(c.url(), null, null, c.width(), null));
        }
        return merge(found, pictures);
    }

    /**
     * The images of these {@code <img>} elements, once per URL. Each shows the largest candidate of its
     * {@code data-srcset} or {@code srcset}, else its {@code data-lazy-src}, {@code data-src} or
     * {@code data-original}, else its {@code src}; one in a {@code <picture>} with none of these shows
     * the largest {@code <source srcset>}. Only http(s) URLs count (a {@code data:} placeholder does not).
     */
    public static List<FetchedMedia> images(List<Element> imgs) {
        List<FetchedMedia> found = new ArrayList<>();
        for (Element img : imgs) {
            Candidate c = chosen(img);
            if (c == null) continue;
            String alt = img.hasAttr("alt") ? img.attr("alt") : null;
            Integer w = dimension(img.attr("width"));
            Integer h = dimension(img.attr("height"));
            Integer width = c.width() != null ? c.width() : w;
            // the width and height attributes describe the src; a larger candidate keeps their ratio
            Integer height = c.width() == null ? h : w != null && h != null && w > 0 ? Math.round((float) h * c.width() / w) : null;
            found.add(new FetchedMedia(c.url(), alt, null, width, height));
        }
        return merge(found, List.of());
    }

    private static Candidate chosen(Element img) {
        Candidate best = largest(img);
        if (best != null) return best;
        for (String attr : LAZY_SRCS) {
            String url = http(img.baseUri(), img.attr(attr));
            if (url != null) return new Candidate(url, null, 1);
        }
        String src = http(img.baseUri(), img.attr("src"));
        if (src != null) return new Candidate(src, null, 1);
        Element parent = img.parent();
        return parent != null && parent.normalName().equals("picture") ? fromSources(parent) : null;
    }

    private static Candidate fromSources(Element picture) {
        Candidate best = null;
        for (Element source : picture.select("> source")) best = larger(best, largest(source));
        return best;
    }

    private static Candidate largest(Element e) {
        Candidate best = null;
        for (String attr : SRCSETS) {
            for (Candidate c : srcset(e.baseUri(), e.attr(attr))) best = larger(best, c);
        }
        return best;
    }

    private static Candidate larger(Candidate a, Candidate b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.size() > a.size() ? b : a;
    }

    /**
     * The http(s) candidates of a srcset ("a.jpg 300w, b.jpg 1024w" or "a.jpg, b.jpg 2x"): a URL runs
     * to the next whitespace (it may itself hold commas), its descriptor to the next comma.
     */
    static List<Candidate> srcset(String base, String value) {
        List<Candidate> out = new ArrayList<>();
        if (value == null || value.isBlank()) return out;
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) i++;
            String url = value.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int d = i;
                while (i < n && value.charAt(i) != ',') i++;
                descriptor = value.substring(d, i).strip();
            }
            String abs = http(base, url);
            if (abs == null) continue;
            Integer width = null;
            double density = 1;
            if (descriptor.matches("\\d+w")) width = Integer.parseInt(descriptor.substring(0, descriptor.length() - 1));
            else if (descriptor.matches("\\d+(\\.\\d+)?x")) density = Double.parseDouble(descriptor.substring(0, descriptor.length() - 1));
            out.add(new Candidate(abs, width, density));
        }
        return out;
    }

    /** One image URL a srcset offers, with its width descriptor ({@code 1024w}) or pixel density ({@code 2x}). */
    record Candidate(String url, Integer width, double density) {
        double size() {
            return width != null ? width : density;
        }
    }

    private static String http(String base, String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.strip();
        HttpUrl abs = HttpUrl.parse(s);
        if (abs == null) {
            HttpUrl b = base == null || base.isBlank() ? null : HttpUrl.parse(base);
            abs = b == null ? null : b.resolve(s);
        }
        return abs == null ? null : abs.toString();
    }

    private static Integer dimension(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
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
