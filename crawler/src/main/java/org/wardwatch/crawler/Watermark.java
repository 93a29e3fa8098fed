package org.wardwatch.crawler;

import java.time.Instant;

/**
 * How a platform orders its listing, so a routine crawl knows where the last one stopped. Mastodon
 * and X ids grow with time ({@link #byId()}); Bluesky and WordPress are ordered by time, and the id
 * of the newest post tells it apart from another posted in the same instant ({@link #byTime}).
 * Kept in the cursor as {@code newest} (an id or a time) and, by time, the id under its own key.
 */
public final class Watermark {
    static final String NEWEST = "newest";

    /** The newest item seen: its id and time, either possibly null. */
    public record Mark(String id, Instant time) {
    }

    private final boolean byId;
    private final String idKey;

    private Watermark(boolean byId, String idKey) {
        this.byId = byId;
        this.idKey = idKey;
    }

    public static Watermark byId() {
        return new Watermark(true, null);
    }

    /** @param idKey the cursor key of the newest item's id ({@code newestUri}, {@code newestId}) */
    public static Watermark byTime(String idKey) {
        return new Watermark(false, idKey);
    }

    /**
     * Whether every item of the listing, a boost or a skipped one included, has its place in this
     * order. Ids do (a boost is a status of the timeline like any other); times do not (a pin or a
     * repost carries another post's time), so only the account's own posts move a time watermark.
     */
    boolean ordersEveryItem() {
        return byId;
    }

    Mark read(Cursor c) {
        if (byId) return new Mark(c.get(NEWEST), null);
        return new Mark(c.get(idKey), BaseSource.instant(c.get(NEWEST)));
    }

    Cursor write(Cursor c, Mark m) {
        if (byId) return c.with(NEWEST, m.id());
        return c.with(NEWEST, m.time() == null ? null : m.time().toString()).with(idKey, m.id());
    }

    /** Whether the item is the newest seen last time, or older: the walk stops there. */
    boolean reached(Mark last, String id, Instant time) {
        if (byId) return last.id() != null && Ids.compare(id, last.id()) <= 0;
        return last.time() != null && time != null
                && (time.isBefore(last.time()) || (time.equals(last.time()) && id.equals(last.id())));
    }

    Mark newer(Mark m, String id, Instant time) {
        if (byId) return new Mark(Ids.max(m.id(), id), null);
        return time != null && (m.time() == null || time.isAfter(m.time())) ? new Mark(id, time) : m;
    }
}
