package org.wardwatch.core.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.crypto.ContentCipher;
import org.wardwatch.core.crypto.ContentColumn;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.AttachedText;
import org.wardwatch.core.source.CrawledText;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts, their media rows and their findings. A post belongs to the account whose feed or timeline
 * carried it and is keyed by (account, external id): storing the same post again only moves its
 * last-seen time, and an edit is recorded as such. A new or edited post is stored pending analysis
 * in the same transaction, so a crash between storing and analysing loses nothing.
 */
public final class PostStore {
    /** Captions longer than this (far beyond any platform's limit) are cut, and the cut is reported. */
    public static final int MAX_TEXT_CHARS = 10_000_000;
    /** External ids whose UTF-8 form is longer than this are stored as their SHA-256. */
    public static final int MAX_ID_BYTES = 1000;
    private static final int MAX_PERMALINK_CHARS = 10_000;
    private static final int MAX_MEDIA_URL_CHARS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private final ContentCipher cipher;

    /** @param cipher encrypts what a post says before it is stored, and decrypts it for analysis */
    public PostStore(Jdbi jdbi, Clock clock, ContentCipher cipher) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** What storing a fetched post did. */
    public enum Change { NEW, EDITED, UNCHANGED }

    /**
     * @param notes what was changed to store the post (a cut caption, a hashed id, an image URL too
     *              long to keep); the post itself is stored
     */
    public record Upserted(long postId, Change change, List<String> notes) {
        public Upserted(long postId, Change change) {
            this(postId, change, List.of());
        }
    }

    /** Failed images are tried this many times in all, on successive crawls, before the failure is final. */
    public static final int MEDIA_ATTEMPTS = 3;

    /** A media row of a post: either fetched (sha256 set) or failed (error set), or not tried yet. */
    public record MediaRow(long id, long postId, int position, String url, String altText, String sha256, String mime,
                           Integer width, Integer height, String filePath, String error, boolean purged, int attempts) {
        public boolean stored() {
            return sha256 != null && filePath != null;
        }

        /** Fetched once and since deleted by the retention purge: never fetched again. */
        public boolean done() {
            return stored() || purged;
        }

        /** Neither stored nor failed nor purged: an interrupted crawl or a passed deadline left it. */
        public boolean untried() {
            return !done() && error == null;
        }

        /** Still to be fetched: never tried, or failed fewer than {@link #MEDIA_ATTEMPTS} times. */
        public boolean outstanding() {
            return !done() && (error == null || attempts < MEDIA_ATTEMPTS);
        }
    }

    public record FindingRow(Long mediaId, String source, String type, String text, Integer start, Integer end,
                             Integer x, Integer y, Integer w, Integer h, double score) {
    }

    /** What analysis reads of a stored post: everything a reader of the post sees, as stored. */
    public record StoredPost(long id, long accountId, String text, List<String> contentWarnings,
                             List<AttachedText> attached) {
    }

    /** The id a post is stored under: the platform's own, or its SHA-256 when that is absurdly long. */
    public static String storedId(String externalId) {
        if (externalId.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) return externalId;
        return "sha256:" + MediaVault.sha256(externalId.getBytes(StandardCharsets.UTF_8));
    }

    public Upserted upsert(Account account, FetchedPost post) {
        try {
            return tryUpsert(account, post);
        } catch (RuntimeException e) {
            // the same account crawled by two processes at once: the other stored it first, so this is a repeat
            if (!isUniqueViolation(e)) throw e;
            return tryUpsert(account, post);
        }
    }

    private Upserted tryUpsert(Account account, FetchedPost fetched) {
        List<String> notes = new ArrayList<>();
        // the one place crawled text is cleaned before it is stored (media alt texts: ensureMedia)
        CrawledText.CleanPost clean = CrawledText.clean(fetched);
        FetchedPost post = clean.post();
        if (clean.controlsRemoved() > 0) {
            notes.add(clean.controlsRemoved() + " control character" + (clean.controlsRemoved() == 1 ? "" : "s") + " removed");
        }
        int bidi = clean.bidiControls();
        String id = storedId(post.externalId());
        if (!id.equals(post.externalId())) {
            notes.add("id of " + post.externalId().length() + " characters stored as its SHA-256");
        }
        String text = post.text();
        if (text.length() > MAX_TEXT_CHARS) {
            notes.add("caption of " + text.length() + " characters cut to " + MAX_TEXT_CHARS);
            text = text.substring(0, MAX_TEXT_CHARS);
        }
        String permalink = post.permalink();
        if (permalink != null && permalink.length() > MAX_PERMALINK_CHARS) {
            notes.add("permalink of " + permalink.length() + " characters not kept");
            permalink = null;
        }
        String hash = contentHash(post);
        Instant now = clock.instant();
        // what the post says is stored encrypted; its hash (above) and everything else stay queryable
        String altTexts = cipher.encrypt(ContentColumn.POST_ALT_TEXTS,
                json(post.media().stream().map(FetchedMedia::altText).filter(a -> a != null).toList()));
        String warnings = post.contentWarnings().isEmpty() ? null
                : cipher.encrypt(ContentColumn.POST_CONTENT_WARNINGS, json(post.contentWarnings()));
        String attached = post.attached().isEmpty() ? null : cipher.encrypt(ContentColumn.POST_ATTACHED_TEXTS, json(post.attached()));
        String storedText = cipher.encrypt(ContentColumn.POST_TEXT, text);
        String storedLink = permalink;
        Upserted result = jdbi.inTransaction(h -> {
            Optional<Object[]> existing = h.createQuery("SELECT id, content_hash FROM posts WHERE account_id = :a AND external_id = :e")
                    .bind("a", account.id()).bind("e", id)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).findOne();
            if (existing.isEmpty()) {
                long postId = h.createUpdate("INSERT INTO posts (account_id, platform, external_id, permalink, published_at, "
                                + "edited_at, fetched_at, text, alt_texts, content_warnings, attached_texts, content_hash, "
                                + "visibility, status, first_seen_at, last_seen_at, analysis_pending, bidi_controls) VALUES (:account, "
                                + ":p, :e, :permalink, :published, :edited, :now, :text, :alts, :warnings, :attached, :hash, "
                                + ":visibility, 'live', :now, :now, TRUE, :bidi)")
                        .bind("account", account.id()).bind("p", account.platform().id()).bind("e", id)
                        .bind("permalink", storedLink).bind("published", post.publishedAt())
                        .bind("edited", post.editedAt()).bind("now", now).bind("text", storedText)
                        .bind("alts", altTexts).bind("warnings", warnings).bind("attached", attached).bind("hash", hash)
                        .bind("visibility", post.visibility()).bind("bidi", bidi)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                event(h, postId, now, "first_seen", null);
                return new Upserted(postId, Change.NEW);
            }
            long postId = (Long) existing.get()[0];
            if (hash.equals(existing.get()[1])) {
                h.createUpdate("UPDATE posts SET last_seen_at = :now WHERE id = :id").bind("now", now).bind("id", postId).execute();
                return new Upserted(postId, Change.UNCHANGED);
            }
            h.createUpdate("UPDATE posts SET permalink = :permalink, edited_at = :edited, fetched_at = :now, text = :text, "
                            + "alt_texts = :alts, content_warnings = :warnings, attached_texts = :attached, content_hash = :hash, "
                            + "visibility = :visibility, last_seen_at = :now, analysis_pending = TRUE, bidi_controls = :bidi "
                            + "WHERE id = :id")
                    .bind("permalink", storedLink).bind("edited", post.editedAt() == null ? now : post.editedAt())
                    .bind("now", now).bind("text", storedText).bind("alts", altTexts).bind("warnings", warnings)
                    .bind("attached", attached).bind("hash", hash).bind("visibility", post.visibility()).bind("bidi", bidi)
                    .bind("id", postId)
                    .execute();
            event(h, postId, now, "edited", null);
            return new Upserted(postId, Change.EDITED);
        });
        return new Upserted(result.postId(), result.change(), notes);
    }

    private static void event(Handle h, long postId, Instant at, String event, String detail) {
        h.createUpdate("INSERT INTO post_events (post_id, at, event, detail) VALUES (:p, :at, :e, :d)")
                .bind("p", postId).bind("at", at).bind("e", event).bind("d", detail).execute();
    }

    public Optional<StoredPost> stored(long postId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, account_id, text, content_warnings, attached_texts FROM posts WHERE id = :id")
                .bind("id", postId)
                .map((rs, ctx) -> new StoredPost(rs.getLong(1), rs.getLong(2),
                        rs.getString(3) == null ? "" : cipher.decrypt(ContentColumn.POST_TEXT, rs.getString(3)),
                        readList(cipher.decrypt(ContentColumn.POST_CONTENT_WARNINGS, rs.getString(4)), new TypeReference<List<String>>() { }),
                        readList(cipher.decrypt(ContentColumn.POST_ATTACHED_TEXTS, rs.getString(5)),
                                new TypeReference<List<AttachedText>>() { })))
                .findOne());
    }

    public List<MediaRow> media(long postId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM media WHERE post_id = :p ORDER BY position")
                .bind("p", postId)
                .map((rs, ctx) -> new MediaRow(rs.getLong("id"), rs.getLong("post_id"), rs.getInt("position"),
                        rs.getString("url"), cipher.decrypt(ContentColumn.MEDIA_ALT_TEXT, rs.getString("alt_text")),
                        rs.getString("sha256"), rs.getString("mime"),
                        (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getString("file_path"),
                        rs.getString("error"), rs.getTimestamp("purged_at") != null, rs.getInt("attempts")))
                .list());
    }

    /**
     * Adds a media row for each image of the post that has none yet for its URL, in one transaction.
     *
     * @return one line per image that cannot be kept (a URL longer than the column allows)
     */
    public List<String> ensureMedia(long postId, List<FetchedMedia> media) {
        List<String> notes = new ArrayList<>();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < media.size(); i++) {
                FetchedMedia m = media.get(i);
                if (m.url().length() > MAX_MEDIA_URL_CHARS) {
                    notes.add("image URL of " + m.url().length() + " characters not fetched: " + m.url().substring(0, 80) + "…");
                    continue;
                }
                boolean exists = h.createQuery("SELECT COUNT(*) FROM media WHERE post_id = :p AND url = :u")
                        .bind("p", postId).bind("u", m.url()).mapTo(Integer.class).one() > 0;
                if (!exists) {
                    h.createUpdate("INSERT INTO media (post_id, position, url, alt_text) VALUES (:p, :pos, :u, :alt)")
                            .bind("p", postId).bind("pos", i).bind("u", m.url())
                            .bind("alt", cipher.encrypt(ContentColumn.MEDIA_ALT_TEXT, CrawledText.clean(m.altText()).text())).execute();
                }
            }
        });
        return notes;
    }

    public void mediaStored(long mediaId, String sha256, long size, String mime, Integer width, Integer height, String filePath) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET sha256 = :sha, size_bytes = :size, mime = :mime, width = :w, "
                        + "height = :h, file_path = :path, fetched_at = :now, error = NULL, attempts = attempts + 1 WHERE id = :id")
                .bind("sha", sha256).bind("size", size).bind("mime", mime).bind("w", width).bind("h", height)
                .bind("path", filePath).bind("now", clock.instant()).bind("id", mediaId).execute());
    }

    public void mediaFailed(long mediaId, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET error = :e, fetched_at = :now, attempts = attempts + 1 WHERE id = :id")
                .bind("e", error.length() > 2000 ? error.substring(0, 2000) : error).bind("now", clock.instant())
                .bind("id", mediaId).execute());
    }

    /** Puts a stored post back in the analysis queue (an image of it is to be tried again). */
    public void markPending(long postId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE posts SET analysis_pending = TRUE WHERE id = :id").bind("id", postId).execute());
    }

    /** Replaces a post's findings with a fresh analysis, inside the caller's transaction; their quoted text encrypted. */
    void replaceFindings(Handle h, long postId, List<FindingRow> findings, Instant now) {
        h.createUpdate("DELETE FROM findings WHERE post_id = :p").bind("p", postId).execute();
        var batch = h.prepareBatch("INSERT INTO findings (post_id, media_id, source, type, text, span_start, span_end, "
                + "box_x, box_y, box_w, box_h, score, created_at) VALUES (:post, :media, :source, :type, :text, :start, "
                + ":end, :x, :y, :w, :h, :score, :now)");
        for (FindingRow f : findings) {
            batch.bind("post", postId).bind("media", f.mediaId()).bind("source", f.source()).bind("type", f.type())
                    .bind("text", cipher.encrypt(ContentColumn.FINDING_TEXT,
                            f.text() == null ? null : f.text().length() > 2000 ? f.text().substring(0, 2000) : f.text()))
                    .bind("start", f.start()).bind("end", f.end()).bind("x", f.x()).bind("y", f.y()).bind("w", f.w())
                    .bind("h", f.h()).bind("score", f.score()).bind("now", now).add();
        }
        if (!findings.isEmpty()) batch.execute();
    }

    static String contentHash(FetchedPost post) {
        StringBuilder s = new StringBuilder(post.text());
        for (FetchedMedia m : post.media()) s.append('\u0000').append(m.url()).append('\u0001').append(m.altText());
        // a warning or a quote added later changes what a reader sees, so it is an edit like any other
        for (String w : post.contentWarnings()) s.append('\u0002').append(w);
        for (AttachedText a : post.attached()) s.append('\u0003').append(a.kind()).append(a.text()).append(a.url());
        return MediaVault.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> readList(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            // not the parser's message: it quotes the text it choked on
            throw new IllegalStateException("unreadable stored list (" + e.getClass().getSimpleName() + ")");
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) return true;
        }
        return false;
    }
}
