package org.wardwatch.crawler.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The id each item of a feed is stored under, so a re-crawl recognises what it stored before.
 * <ul>
 * <li>An item's own guid (Atom id) comes first, prefixed with the feed's URL when it is not a URI;
 * else its link. Posts are stored per account, so two feeds sharing a guid is fine.</li>
 * <li>An item with neither (RSS 0.92 onwards allows it) is named by its content:
 * {@code urn:sha256:<hex>} over its title, body, dates and enclosure URLs. An unchanged item gets the
 * same id on every crawl; items that differ in any of these get different ones.</li>
 * <li>Within one feed, items with the same id and the same content are one post shown twice: the
 * repeats are counted, not stored again. Items sharing a guid or link but differing in content are
 * different items (a generator that writes the site's address as every item's link): each of them
 * is then named by its content, so none replaces another.</li>
 * </ul>
 */
final class ItemIdentity {
    private ItemIdentity() {
    }

    record Keyed(FeedItem item, String id) {
    }

    /**
     * @param posts   one per distinct item, in feed order
     * @param repeats items that were the same post as an earlier one
     * @param notes   one line per id shared by items that differ
     */
    record Assigned(List<Keyed> posts, int repeats, List<String> notes) {
    }

    static Assigned assign(List<FeedItem> items, String feedUrl) {
        Map<String, Set<String>> contentsById = new LinkedHashMap<>();
        for (FeedItem item : items) {
            String natural = naturalId(item, feedUrl);
            if (natural != null) contentsById.computeIfAbsent(natural, k -> new LinkedHashSet<>()).add(contentId(item));
        }
        List<String> notes = new ArrayList<>();
        contentsById.forEach((id, contents) -> {
            if (contents.size() > 1) {
                notes.add("feed " + feedUrl + ": " + contents.size() + " different items share the id "
                        + shorten(id) + "; each is identified by its content instead");
            }
        });
        List<Keyed> posts = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        int repeats = 0;
        for (FeedItem item : items) {
            String natural = naturalId(item, feedUrl);
            boolean shared = natural != null && contentsById.get(natural).size() > 1;
            String id = natural == null || shared ? contentId(item) : natural;
            if (taken.add(id)) posts.add(new Keyed(item, id));
            else repeats++;
        }
        return new Assigned(posts, repeats, notes);
    }

    /** The guid (a bare one made unique to the feed), else the link; null when the item has neither. */
    static String naturalId(FeedItem item, String feedUrl) {
        if (item.guid() != null) return item.guid().contains(":") ? item.guid() : feedUrl + "#" + item.guid();
        return item.link();
    }

    /**
     * {@code urn:sha256:} over the fields that make an item what it is: title, body (white space
     * collapsed, as generators re-indent), publication and update dates, enclosure and Media RSS URLs.
     * Each field is written with its name and length, so no two different items hash the same input.
     */
    static String contentId(FeedItem item) {
        StringBuilder sb = new StringBuilder();
        field(sb, "title", collapse(item.title()));
        field(sb, "body", collapse(item.html()));
        field(sb, "published", item.published() == null ? "" : item.published().toString());
        field(sb, "updated", item.updated() == null ? "" : item.updated().toString());
        for (String url : item.enclosures()) field(sb, "enclosure", url);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "urn:sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append(' ').append(value.length()).append(':').append(value).append('\n');
    }

    private static String collapse(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String id) {
        return id.length() > 120 ? id.substring(0, 119) + "…" : id;
    }
}
