package org.wardwatch.core.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts, their media rows and their findings. Posts are keyed by (platform, external id): storing
 * the same post again only moves its last-seen time, and an edit is recorded as such.
 */
public final class PostStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    public PostStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What storing a fetched post did. */
    public enum Change { NEW, EDITED, UNCHANGED }

    public record Upserted(long postId, Change change) {
    }

    /** A media row of a post: either fetched (sha256 set) or failed (error set), or not tried yet. */
    public record MediaRow(long id, long postId, int position, String url, String altText, String sha256, String mime,
                           Integer width, Integer height, String filePath, String error, boolean purged) {
        public boolean stored() {
            return sha256 != null && filePath != null;
        }

        /** Fetched once and since deleted by the retention purge: never fetched again. */
        public boolean done() {
            return stored() || purged;
        }
    }

    public record FindingRow(Long mediaId, String source, String type, String text, Integer start, Integer end,
                             Integer x, Integer y, Integer w, Integer h, double score) {
    }

    public Upserted upsert(Account account, FetchedPost post) {
        String hash = contentHash(post);
        Instant now = clock.instant();
        String altTexts = json(post.media().stream().map(FetchedMedia::altText).filter(a -> a != null).toList());
        return jdbi.inTransaction(h -> {
            Optional<Object[]> existing = h.createQuery("SELECT id, content_hash FROM posts WHERE platform = :p AND external_id = :e")
                    .bind("p", account.platform().id()).bind("e", post.externalId())
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).findOne();
            if (existing.isEmpty()) {
                long id = h.createUpdate("INSERT INTO posts (account_id, platform, external_id, permalink, published_at, "
                                + "edited_at, fetched_at, text, alt_texts, content_hash, visibility, status, first_seen_at, "
                                + "last_seen_at) VALUES (:account, :p, :e, :permalink, :published, :edited, :now, :text, "
                                + ":alts, :hash, :visibility, 'live', :now, :now)")
                        .bind("account", account.id()).bind("p", account.platform().id()).bind("e", post.externalId())
                        .bind("permalink", post.permalink()).bind("published", post.publishedAt())
                        .bind("edited", post.editedAt()).bind("now", now).bind("text", post.text())
                        .bind("alts", altTexts).bind("hash", hash).bind("visibility", post.visibility())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                event(h, id, now, "first_seen", null);
                return new Upserted(id, Change.NEW);
            }
            long id = (Long) existing.get()[0];
            if (hash.equals(existing.get()[1])) {
                h.createUpdate("UPDATE posts SET last_seen_at = :now WHERE id = :id").bind("now", now).bind("id", id).execute();
                return new Upserted(id, Change.UNCHANGED);
            }
            h.createUpdate("UPDATE posts SET permalink = :permalink, edited_at = :edited, fetched_at = :now, text = :text, "
                            + "alt_texts = :alts, content_hash = :hash, visibility = :visibility, last_seen_at = :now WHERE id = :id")
                    .bind("permalink", post.permalink()).bind("edited", post.editedAt() == null ? now : post.editedAt())
                    .bind("now", now).bind("text", post.text()).bind("alts", altTexts).bind("hash", hash)
                    .bind("visibility", post.visibility()).bind("id", id).execute();
            event(h, id, now, "edited", null);
            return new Upserted(id, Change.EDITED);
        });
    }

    private static void event(org.jdbi.v3.core.Handle h, long postId, Instant at, String event, String detail) {
        h.createUpdate("INSERT INTO post_events (post_id, at, event, detail) VALUES (:p, :at, :e, :d)")
                .bind("p", postId).bind("at", at).bind("e", event).bind("d", detail).execute();
    }

    public List<MediaRow> media(long postId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM media WHERE post_id = :p ORDER BY position")
                .bind("p", postId)
                .map((rs, ctx) -> new MediaRow(rs.getLong("id"), rs.getLong("post_id"), rs.getInt("position"),
                        rs.getString("url"), rs.getString("alt_text"), rs.getString("sha256"), rs.getString("mime"),
                        (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getString("file_path"),
                        rs.getString("error"), rs.getTimestamp("purged_at") != null))
                .list());
    }

    /** Adds a media row for a post unless one exists for that URL; returns the row either way. */
    public MediaRow ensureMedia(long postId, int position, FetchedMedia media) {
        jdbi.useTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM media WHERE post_id = :p AND url = :u")
                    .bind("p", postId).bind("u", media.url()).mapTo(Integer.class).one() > 0;
            if (!exists) {
                h.createUpdate("INSERT INTO media (post_id, position, url, alt_text) VALUES (:p, :pos, :u, :alt)")
                        .bind("p", postId).bind("pos", position).bind("u", media.url()).bind("alt", media.altText()).execute();
            }
        });
        return media(postId).stream().filter(m -> m.url().equals(media.url())).findFirst().orElseThrow();
    }

    public void mediaStored(long mediaId, String sha256, long size, String mime, Integer width, Integer height, String filePath) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET sha256 = :sha, size_bytes = :size, mime = :mime, width = :w, "
                        + "height = :h, file_path = :path, fetched_at = :now, error = NULL WHERE id = :id")
                .bind("sha", sha256).bind("size", size).bind("mime", mime).bind("w", width).bind("h", height)
                .bind("path", filePath).bind("now", clock.instant()).bind("id", mediaId).execute());
    }

    public void mediaFailed(long mediaId, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET error = :e, fetched_at = :now WHERE id = :id")
                .bind("e", error.length() > 2000 ? error.substring(0, 2000) : error).bind("now", clock.instant())
                .bind("id", mediaId).execute());
    }

    /** Replaces a post's findings with a fresh analysis. */
    public void replaceFindings(long postId, List<FindingRow> findings) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM findings WHERE post_id = :p").bind("p", postId).execute();
            var batch = h.prepareBatch("INSERT INTO findings (post_id, media_id, source, type, text, span_start, span_end, "
                    + "box_x, box_y, box_w, box_h, score, created_at) VALUES (:post, :media, :source, :type, :text, :start, "
                    + ":end, :x, :y, :w, :h, :score, :now)");
            for (FindingRow f : findings) {
                batch.bind("post", postId).bind("media", f.mediaId()).bind("source", f.source()).bind("type", f.type())
                        .bind("text", f.text() == null ? null : f.text().length() > 2000 ? f.text().substring(0, 2000) : f.text())
                        .bind("start", f.start()).bind("end", f.end()).bind("x", f.x()).bind("y", f.y()).bind("w", f.w())
                        .bind("h", f.h()).bind("score", f.score()).bind("now", now).add();
            }
            if (!findings.isEmpty()) batch.execute();
        });
    }

    static String contentHash(FetchedPost post) {
        StringBuilder s = new StringBuilder(post.text());
        for (FetchedMedia m : post.media()) s.append('\u0000').append(m.url()).append('\u0001').append(m.altText());
        return MediaVault.sha256(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
