package org.wardwatch.core.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.media.MediaVault;

/**
 * Data minimisation: once a case is resolved or dismissed (or a post was never flagged) and the
 * retention period has passed, the post's images and caption are deleted. What stays is the
 * evidence: hashes, reasons, scores, boxes and timestamps. Every column of patient content is emptied
 * (captions, alt texts, quoted posts and cards, content warnings, quoted spans): they were encrypted,
 * and now not even the ciphertext is kept.
 */
public final class RetentionPurge {
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final Jdbi jdbi;
    private final MediaVault vault;
    private final Clock clock;

    public RetentionPurge(Jdbi jdbi, MediaVault vault, Clock clock) {
        this.jdbi = jdbi;
        this.vault = vault;
        this.clock = clock;
    }

    public record Result(int posts, int files) {
    }

    /** Posts due for purging: no open or confirmed case, and quiet for longer than the retention period. */
    public List<Long> due(int retentionDays) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        return jdbi.withHandle(h -> h.createQuery("SELECT p.id FROM posts p LEFT JOIN cases c ON c.post_id = p.id "
                        + "WHERE p.purged_at IS NULL AND p.analysis_pending = FALSE "
                        + "AND (c.id IS NULL OR c.status IN ('resolved', 'dismissed')) "
                        + "AND COALESCE(c.updated_at, p.fetched_at) < :cutoff "
                        + "AND NOT EXISTS (SELECT 1 FROM removal_requests r WHERE r.case_id = c.id "
                        + "AND r.status NOT IN ('removed', 'refused')) ORDER BY p.id")
                .bind("cutoff", cutoff).mapTo(Long.class).list());
    }

    public Result purge(int retentionDays) {
        int posts = 0;
        int files = 0;
        for (long postId : due(retentionDays)) {
            files += purgePost(postId);
            posts++;
        }
        if (posts > 0) log.info("retention: purged the images and text of {} posts ({} image files)", posts, files);
        return new Result(posts, files);
    }

    private int purgePost(long postId) {
        Instant now = clock.instant();
        List<String> paths = jdbi.withHandle(h -> h.createQuery(
                "SELECT file_path FROM media WHERE post_id = :p AND file_path IS NOT NULL").bind("p", postId)
                .mapTo(String.class).list());
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE media SET file_path = NULL, alt_text = NULL, purged_at = :now WHERE post_id = :p")
                    .bind("now", now).bind("p", postId).execute();
            h.createUpdate("UPDATE posts SET text = NULL, alt_texts = NULL, attached_texts = NULL, content_warnings = NULL, purged_at = :now WHERE id = :p")
                    .bind("now", now).bind("p", postId).execute();
            h.createUpdate("UPDATE findings SET text = NULL WHERE post_id = :p AND source <> 'image'")
                    .bind("p", postId).execute();
            h.createUpdate("INSERT INTO post_events (post_id, at, event, detail) VALUES (:p, :now, 'purged', :d)")
                    .bind("p", postId).bind("now", now).bind("d", "images and text deleted after the retention period")
                    .execute();
            h.createUpdate("INSERT INTO audit_events (at, actor, action, entity_type, entity_id, detail) "
                            + "VALUES (:now, 'retention', 'purge', 'post', :p, :d)")
                    .bind("now", now).bind("p", postId).bind("d", paths.size() + " image files").execute();
        });
        int deleted = 0;
        for (String path : paths) {
            // an image shared with a post that is still kept stays on disk
            boolean stillUsed = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media WHERE file_path = :f")
                    .bind("f", path).mapTo(Integer.class).one()) > 0;
            if (stillUsed) continue;
            try {
                if (vault.delete(path)) deleted++;
            } catch (IOException e) {
                log.warn("retention: could not delete {}: {}", path, e.getMessage());
            }
        }
        return deleted;
    }
}
