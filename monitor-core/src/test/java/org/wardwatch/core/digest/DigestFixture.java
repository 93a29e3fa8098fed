package org.wardwatch.core.digest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jdbi.v3.core.Jdbi;

/**
 * Writes organisations, accounts, posts, cases and removal requests straight into the schema, shaped
 * as the pipeline and the dashboard write them, for digest tests here and in the dashboard.
 */
public final class DigestFixture {
    private final Jdbi jdbi;
    private final Instant created;

    public DigestFixture(Jdbi jdbi, Instant created) {
        this.jdbi = jdbi;
        this.created = created;
    }

    public long organisation(String name, String ods, String commsEmail, String extraRecipients) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO organisations (name, ods_code, kind, comms_email, "
                        + "extra_recipients, created_at, updated_at) VALUES (:name, :ods, 'nhs_trust', :comms, :extra, :t, :t)")
                .bind("name", name).bind("ods", ods).bind("comms", commsEmail).bind("extra", extraRecipients)
                .bind("t", utc(created)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public long account(long organisationId, String name) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO accounts (organisation_id, account_key, name, kind, "
                        + "platform, handle, active, created_at, updated_at) VALUES (:org, :key, :name, 'ward', 'mastodon', "
                        + ":handle, TRUE, :t, :t)")
                .bind("org", organisationId).bind("key", "mastodon|https://nhs.social|@" + name.replace(' ', '_'))
                .bind("name", name).bind("handle", "@" + name.replace(' ', '_')).bind("t", utc(created))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void crawlError(long accountId, String error, Instant at, Instant lastSuccess) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET last_error = :e, last_error_at = :at, "
                        + "last_success_at = :ok WHERE id = :id")
                .bind("e", error).bind("at", utc(at)).bind("ok", lastSuccess == null ? null : utc(lastSuccess))
                .bind("id", accountId).execute());
    }

    /** A post with a caption and one image, and its case. Returns the case id. */
    public long flaggedPost(long organisationId, long accountId, String caption, String signals, String reasonsJson,
                            String status, Instant caseCreated) {
        return jdbi.inTransaction(h -> {
            long post = h.createUpdate("INSERT INTO posts (account_id, platform, external_id, permalink, published_at, "
                            + "fetched_at, text, alt_texts, content_hash, status, first_seen_at, last_seen_at) VALUES (:acc, "
                            + "'mastodon', :ext, :link, :t, :t, :text, '[]', 'abc', 'live', :t, :t)")
                    .bind("acc", accountId).bind("ext", "post-" + System.nanoTime())
                    .bind("link", "https://nhs.social/@ward/" + System.nanoTime()).bind("t", utc(caseCreated))
                    .bind("text", caption).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO media (post_id, position, url, alt_text, sha256) VALUES (:p, 0, :url, :alt, 'ff')")
                    .bind("p", post).bind("url", "https://files.nhs.social/media/garden-party.jpg")
                    .bind("alt", caption).execute();
            return h.createUpdate("INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, signals, status, "
                            + "created_at, updated_at) VALUES (:p, :org, :acc, 0.9, :reasons, :signals, :status, :t, :t)")
                    .bind("p", post).bind("org", organisationId).bind("acc", accountId).bind("reasons", reasonsJson)
                    .bind("signals", signals).bind("status", status).bind("t", utc(caseCreated))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    public long removalRequest(long caseId, String status, Instant dueAt, Instant removedAt) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO removal_requests (case_id, recipient, subject, body, status, "
                        + "due_at, raised_by, raised_at, removed_at, updated_at) VALUES (:c, 'owner@example.nhs.uk', "
                        + "'Please remove', 'Please remove the post', :status, :due, 'ig', :t, :removed, :t)")
                .bind("c", caseId).bind("status", status).bind("due", utc(dueAt))
                .bind("removed", removedAt == null ? null : utc(removedAt)).bind("t", utc(created))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void postDeleted(long caseId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE posts SET status = 'deleted', deleted_at = :at "
                        + "WHERE id = (SELECT post_id FROM cases WHERE id = :c)")
                .bind("at", utc(at)).bind("c", caseId).execute());
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
