package org.wardwatch.core.digest;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The {@code digests_sent} table: one row per (organisation, recipient, ISO week). A sender claims
 * the row before it sends, by an INSERT that the table's UNIQUE constraint guards, so a restart or
 * a second node never sends the same digest twice. A row moves sending → sent, or sending → failed;
 * only a failed row can be claimed again. A row left in 'sending' (the node died mid-send) is never
 * re-sent automatically: the message may have gone out, and at most once is the promise.
 */
public final class DigestLedger {
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    private final Jdbi jdbi;
    private final Clock clock;

    public DigestLedger(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Recipients are compared without case or surrounding space. */
    public static String normalise(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Claims the right to send this digest. Empty when it was sent already or another sender holds it;
     * a row left 'failed' by an earlier attempt is taken over by exactly one claimant.
     */
    public Optional<Long> claim(long organisationId, String recipient, IsoWeek week) {
        String who = normalise(recipient);
        try {
            long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO digests_sent "
                            + "(organisation_id, recipient, iso_week, status, attempts, created_at) "
                            + "VALUES (:org, :recipient, :week, 'sending', 0, :now)")
                    .bind("org", organisationId).bind("recipient", who).bind("week", week.toString())
                    .bind("now", now())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return Optional.of(id);
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) throw e;
        }
        // the row exists: take it over only if it failed, and only if nobody else just did
        return jdbi.withHandle(h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM digests_sent "
                            + "WHERE organisation_id = :org AND recipient = :recipient AND iso_week = :week")
                    .bind("org", organisationId).bind("recipient", who).bind("week", week.toString())
                    .mapTo(Long.class).findOne();
            if (id.isEmpty()) return Optional.empty();
            int taken = h.createUpdate("UPDATE digests_sent SET status = 'sending' WHERE id = :id AND status = 'failed'")
                    .bind("id", id.get()).execute();
            return taken == 1 ? id : Optional.empty();
        });
    }

    public void attempted(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE digests_sent SET attempts = attempts + 1 WHERE id = :id")
                .bind("id", id).execute());
    }

    public void sent(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE digests_sent SET status = 'sent', sent_at = :now, last_error = NULL "
                        + "WHERE id = :id")
                .bind("id", id).bind("now", now()).execute());
    }

    public void failed(long id, String error) {
        String e = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        jdbi.useHandle(h -> h.createUpdate("UPDATE digests_sent SET status = 'failed', last_error = :error WHERE id = :id")
                .bind("id", id).bind("error", e).execute());
    }

    /** The state of one digest, if it was ever claimed. */
    public Optional<DigestRecord> find(long organisationId, String recipient, IsoWeek week) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE d.organisation_id = :org AND d.recipient = :recipient "
                        + "AND d.iso_week = :week")
                .bind("org", organisationId).bind("recipient", normalise(recipient)).bind("week", week.toString())
                .map((rs, ctx) -> record(rs)).findOne());
    }

    /** Digests left 'failed', oldest week first: the next run tries them again. */
    public List<DigestRecord> failed() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE d.status = 'failed' ORDER BY d.iso_week, d.id")
                .map((rs, ctx) -> record(rs)).list());
    }

    /** What was sent when, newest first; organisationId null means every organisation. */
    public List<DigestRecord> history(Long organisationId, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(SELECT + (organisationId == null ? "" : " WHERE d.organisation_id = :org")
                    + " ORDER BY d.created_at DESC, d.id DESC");
            if (organisationId != null) query.bind("org", organisationId);
            return query.setMaxRows(limit).map((rs, ctx) -> record(rs)).list();
        });
    }

    private static final String SELECT = "SELECT d.id, d.organisation_id, o.ods_code, o.name, d.recipient, d.iso_week, "
            + "d.status, d.attempts, d.last_error, d.sent_at, d.created_at "
            + "FROM digests_sent d JOIN organisations o ON o.id = d.organisation_id";

    private static DigestRecord record(java.sql.ResultSet rs) throws SQLException {
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new DigestRecord(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("ods_code"),
                rs.getString("name"), rs.getString("recipient"), IsoWeek.parse(rs.getString("iso_week")),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                sent == null ? null : sent.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) return true;
        }
        return false;
    }

    /** One row of {@code digests_sent}. */
    public record DigestRecord(long id, long organisationId, String odsCode, String organisation, String recipient,
                               IsoWeek week, String status, int attempts, String lastError, Instant sentAt,
                               Instant createdAt) {
    }
}
