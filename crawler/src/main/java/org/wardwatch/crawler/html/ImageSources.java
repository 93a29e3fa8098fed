package org.wardwatch.crawler.html;

import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

import okhttp3.HttpUrl;

/**
 * Which address of an {@code <img>} is the picture a reader sees. Lazy loaders keep it in
 * {@code data-src}, {@code data-lazy-src} or {@code data-srcset} and leave a placeholder in
 * {@code src} (a data: URI, a 1x1 GIF, a "lazy" image) until a script swaps them; responsive images
 * offer several sizes in {@code srcset} or in a {@code <picture>}'s {@code <source>}s, of which the
 * largest is taken; a {@code <noscript>} holds the plain {@code <img>} for readers without scripts.
 */
final class ImageSources {
    private static final List<String> LAZY_SETS = List.of("data-srcset", "data-lazy-srcset");
    private static final List<String> LAZY_SOURCES = List.of("data-lazy-src", "data-src", "data-original");
    /** A file named for nothing but standing in (lazy_placeholder.gif, 1x1.trans.gif, blank.gif), never a photo's name. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*/(lazy|placeholder|blank|spacer|transparent|trans|pixel|1x1|empty|grey|gray|loading|loader|dummy|[-_.])+"
                    + "\\.(gif|png|svg|webp)$");

    private ImageSources() {
    }

    /** The chosen address and what is known of its size. */
    record Chosen(String url, Integer width, Integer height) {
    }

    /** A candidate of a srcset: its URL and its size, by width ({@code 800w}) or by density ({@code 2x}). */
    private record Candidate(String url, boolean byWidth, double size) {
        boolean largerThan(Candidate o) {
            return o == null || (byWidth != o.byWidth ? byWidth : size > o.size);
        }
    }

    /** The real image of the tag, or null when it has only a placeholder (or is a no-script copy of one that has it). */
    static Chosen choose(Element img) {
        Element noscript = img.closest("noscript");
        // a lazy loader writes the no-script copy right after its own tag: the same picture, read once, from the lazy tag
        if (noscript != null && lazyTwinResolves(noscript.previousElementSibling())) return null;
        Chosen c = null;
        for (String attr : LAZY_SETS) if (c == null) c = chosen(largest(img, attr));
        for (String attr : LAZY_SOURCES) if (c == null) c = fromAttr(img, attr);
        if (c == null) c = chosen(largest(img, "srcset"));
        if (c == null) c = fromAttr(img, "src");
        if (c == null && img.parent() != null && img.parent().nameIs("picture")) c = fromSources(img);
        return c;
    }

    private static boolean lazyTwinResolves(Element twin) {
        if (twin == null) return false;
        Element img = twin.nameIs("img") ? twin : twin.nameIs("picture") ? twin.selectFirst("img") : null;
        if (img == null) return false;
        boolean lazy = LAZY_SETS.stream().anyMatch(img::hasAttr) || LAZY_SOURCES.stream().anyMatch(img::hasAttr)
                || (img.parent() != null && !img.parent().select("> source[data-srcset]").isEmpty());
        return lazy && choose(img) != null;
    }

    private static Chosen fromAttr(Element img, String attr) {
        String url = img.hasAttr(attr) ? img.absUrl(attr) : "";
        return real(url) ? new Chosen(url, dimension(img.attr("width")), dimension(img.attr("height"))) : null;
    }

    private static Chosen fromSources(Element img) {
        return ofPicture(img.parent());
    }

    /** The largest candidate of a {@code <picture>}'s sources, lazy or not. */
    static Chosen ofPicture(Element picture) {
        Candidate best = null;
        for (Element source : picture.children()) {
            if (!source.nameIs("source")) continue;
            for (String attr : List.of("data-srcset", "srcset")) {
                Candidate c = largest(source, attr);
                if (c != null && c.largerThan(best)) best = c;
            }
        }
        return chosen(best);
    }

    /** A srcset candidate: the tag's width and height are the box it is shown in, not the file's; a w descriptor is the file's width. */
    private static Chosen chosen(Candidate c) {
        if (c == null) return null;
        return new Chosen(c.url(), c.byWidth() ? (int) c.size() : null, null);
    }

    /** The largest real candidate of a srcset, following the HTML parsing rules (a URL never holds a space). */
    private static Candidate largest(Element e, String attr) {
        String set = e.attr(attr);
        Candidate best = null;
        int i = 0;
        int n = set.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(set.charAt(i)) || set.charAt(i) == ',')) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(set.charAt(i))) i++;
            String url = set.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int d = i;
                while (i < n && set.charAt(i) != ',') i++;
                descriptor = set.substring(d, i).strip();
            }
            Candidate c = candidate(e, url, descriptor);
            if (c != null && c.largerThan(best)) best = c;
        }
        return best;
    }

    private static Candidate candidate(Element e, String url, String descriptor) {
        if (url.isEmpty()) return null;
        HttpUrl base = HttpUrl.parse(e.baseUri());
        HttpUrl u = base != null ? base.resolve(url) : HttpUrl.parse(url);
        if (u == null || !real(u.toString())) return null;
        try {
            for (String d : descriptor.split("\\s+")) {
                if (d.endsWith("w")) return new Candidate(u.toString(), true, Double.parseDouble(d.substring(0, d.length() - 1)));
                if (d.endsWith("x")) return new Candidate(u.toString(), false, Double.parseDouble(d.substring(0, d.length() - 1)));
            }
        } catch (NumberFormatException ignored) {
            // a descriptor we cannot read: the candidate counts as 1x
        }
        return new Candidate(u.toString(), false, 1.0);
    }

    /** An http(s) address that is not a lazy loader's stand-in. */
    static boolean real(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) return false;
        HttpUrl u = HttpUrl.parse(url);
        return u != null && !PLACEHOLDER.matcher(u.encodedPath()).matches();
    }

    static Integer dimension(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
