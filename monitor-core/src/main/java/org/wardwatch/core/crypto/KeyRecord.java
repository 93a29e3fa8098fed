package org.wardwatch.core.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * The database's record of its key (table {@code content_key}, one row): the fingerprint of the key
 * its content and images are encrypted under, the next key's while a rotation runs, and whether the
 * plaintext an older version left has been swept.
 */
public final class KeyRecord {
    private final Jdbi jdbi;
    private final Clock clock;

    public KeyRecord(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @param next the key a rotation is moving to, or null */
    public record State(String fingerprint, String next, Instant plaintextSweptAt) {
        public boolean rotating() {
            return next != null;
        }
    }

    public Optional<State> read() {
        return jdbi.withHandle(h -> h.createQuery("SELECT fingerprint, next_fingerprint, plaintext_swept_at FROM content_key WHERE id = 1")
                .map((rs, ctx) -> new State(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .findOne());
    }

    /** Records the first key; @return false when a key was recorded already (by another process, say) */
    public boolean create(String fingerprint) {
        Instant now = clock.instant();
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO content_key (id, fingerprint, created_at, updated_at) "
                    + "VALUES (1, :f, :now, :now)").bind("f", fingerprint).bind("now", now).execute());
            return true;
        } catch (RuntimeException e) {
            if (read().isPresent()) return false;
            throw e;
        }
    }

    /** Replaces the recorded key; only for a database that holds nothing encrypted under the old one. */
    public void replace(String fingerprint) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE content_key SET fingerprint = :f, next_fingerprint = NULL, "
                + "updated_at = :now WHERE id = 1").bind("f", fingerprint).bind("now", clock.instant()).execute());
    }

    /** A rotation to {@code next} begins; @return false when one to another key is under way */
    public boolean startRotation(String current, String next) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE content_key SET next_fingerprint = :n, updated_at = :now "
                        + "WHERE id = 1 AND fingerprint = :c AND (next_fingerprint IS NULL OR next_fingerprint = :n)")
                .bind("c", current).bind("n", next).bind("now", clock.instant()).execute()) == 1;
    }

    /** Everything is under {@code next}: it becomes the key. */
    public void finishRotation(String next) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE content_key SET fingerprint = :n, next_fingerprint = NULL, "
                + "updated_at = :now WHERE id = 1 AND next_fingerprint = :n").bind("n", next).bind("now", clock.instant()).execute());
    }

    public void markPlaintextSwept() {
        jdbi.useHandle(h -> h.createUpdate("UPDATE content_key SET plaintext_swept_at = :now, updated_at = :now WHERE id = 1")
                .bind("now", clock.instant()).execute());
    }
}
