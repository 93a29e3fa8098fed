package org.wardwatch.core.crypto;

import java.time.Instant;
import java.util.UUID;

import org.wardwatch.core.store.Database;

/** Rows written straight into the schema, as an older version (or a hand) left them. */
final class LegacyRows {
    private LegacyRows() {
    }

    static long account(Database db) {
        return db.jdbi().withHandle(h -> {
            Long existing = h.createQuery("SELECT MIN(id) FROM accounts").mapTo(Long.class).one();
            if (existing != null) return existing;
            long org = h.createUpdate("INSERT INTO organisations (name, ods_code, kind, created_at, updated_at) "
                    + "VALUES ('Northfield', 'RXN', 'nhs_trust', :t, :t)").bind("t", Instant.now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO accounts (organisation_id, account_key, name, kind, platform, handle, active, "
                            + "created_at, updated_at) VALUES (:o, 'rss||willow', 'Willow Ward', 'ward', 'rss', 'willow', TRUE, :t, :t)")
                    .bind("o", org).bind("t", Instant.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    /** A post holding {@code text} as stored, and nothing else. */
    static long post(Database db, String text) {
        return post(db, text, null, null, null);
    }

    static long post(Database db, String text, String altTexts, String warnings, String attached) {
        long account = account(db);
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO posts (account_id, platform, external_id, fetched_at, text, "
                        + "alt_texts, content_warnings, attached_texts, content_hash, status, first_seen_at, last_seen_at) "
                        + "VALUES (:a, 'rss', :x, :t, :text, :alts, :w, :att, 'h', 'live', :t, :t)")
                .bind("a", account).bind("x", UUID.randomUUID().toString()).bind("t", Instant.now()).bind("text", text)
                .bind("alts", altTexts).bind("w", warnings).bind("att", attached)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static long media(Database db, long post, String altText) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO media (post_id, position, url, alt_text) VALUES (:p, 0, :u, :alt)")
                .bind("p", post).bind("u", "https://img/" + UUID.randomUUID()).bind("alt", altText)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static void finding(Database db, long post, String text) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO findings (post_id, source, type, text, score, created_at) "
                + "VALUES (:p, 'caption', 'PERSON_NAME', :x, 0.9, :t)").bind("p", post).bind("x", text).bind("t", Instant.now()).execute());
    }
}
