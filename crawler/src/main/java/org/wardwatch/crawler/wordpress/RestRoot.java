package org.wardwatch.crawler.wordpress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.wardwatch.core.registry.Account;
import org.wardwatch.crawler.LinkHeader;
import org.wardwatch.crawler.http.Reply;

import okhttp3.HttpUrl;

/**
 * Where a WordPress site's REST API answers. WordPress announces its root on every page, in a
 * {@code Link: <…/wp-json/>; rel="https://api.w.org/"} header and a {@code <link rel="https://api.w.org/">}
 * element; a site without pretty permalinks answers under {@code ?rest_route=} instead of
 * {@code /wp-json}, and some move the prefix. A root is kept without its trailing slash, so that
 * {@code root + "/wp/v2/posts"} is the posts endpoint either way.
 */
final class RestRoot {
    static final String REL = "https://api.w.org/";

    private RestRoot() {
    }

    /** The root as registered: the base URL as given, else the handle's {@code /wp-json}. */
    static String configured(Account account) {
        if (account.baseUrl() != null) return trim(account.baseUrl());
        return trim(account.handle()) + "/wp-json";
    }

    /** The site's own pages to ask: the handle and the base URL that are http(s) URLs, without an API path or query. */
    static List<String> sites(Account account) {
        Set<String> out = new LinkedHashSet<>();
        for (String u : new String[] {account.handle(), account.baseUrl()}) {
            HttpUrl url = u == null ? null : HttpUrl.parse(u.strip());
            if (url == null) continue;
            String path = url.encodedPath().replaceFirst("/(wp-json|index\\.php)(/.*)?$", "");
            out.add(trim(url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).query(null).fragment(null).build().toString()));
        }
        return List.copyOf(out);
    }

    /** The root a page of the site announces, in its {@code Link} header or its HTML; null when it announces none. */
    static String announced(Reply page) {
        String link = LinkHeader.find(String.join(", ", page.headers().values("Link")), REL);
        if (link != null) return resolved(page.url(), link);
        String type = page.header("Content-Type");
        if (type == null || !type.contains("html")) return null;
        Element el = Jsoup.parse(page.text(), page.url()).selectFirst("link[rel=\"" + REL + "\"][href]");
        return el == null ? null : resolved(page.url(), el.attr("href"));
    }

    /** The root of a site without pretty permalinks, which nothing may announce. */
    static String plain(String site) {
        return trim(site) + "/?rest_route=";
    }

    static String trim(String root) {
        return root.strip().replaceAll("/+$", "");
    }

    private static String resolved(String pageUrl, String href) {
        HttpUrl base = HttpUrl.parse(pageUrl);
        HttpUrl u = base == null ? HttpUrl.parse(href) : base.resolve(href);
        return u == null ? null : trim(u.toString());
    }
}
