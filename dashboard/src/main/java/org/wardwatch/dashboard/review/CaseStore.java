package org.wardwatch.dashboard.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.crypto.ContentCipher;
import org.wardwatch.core.crypto.ContentColumn;
import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.requests.RemovalRequest;
import org.wardwatch.dashboard.requests.RequestStore;
import org.wardwatch.dashboard.review.CaseDetail.Finding;
import org.wardwatch.dashboard.review.CaseDetail.MediaItem;
import org.wardwatch.dashboard.review.CaseDetail.TimelineEntry;
import org.wardwatch.dashboard.store.Rows;

/**
 * Reads one case with its post, media, findings and history: the one place the dashboard decrypts a
 * caption and the spans quoted from it, for a reader already allowed to see the case.
 */
public final class CaseStore {
    private final Jdbi jdbi;
    private final RequestStore requests;
    private final AuditLog audit;
    private final ContentCipher cipher;

    /** @param cipher decrypts the caption and quoted spans: callers check the reader may see the case first */
    public CaseStore(Jdbi jdbi, RequestStore requests, AuditLog audit, ContentCipher cipher) {
        this.jdbi = jdbi;
        this.requests = requests;
        this.audit = audit;
        this.cipher = cipher;
    }

    /** The organisation a case belongs to, for permission checks before anything else is read. */
    public Optional<Long> organisationOf(long caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT organisation_id FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(Long.class).findOne());
    }

    /** The case and organisation a media row belongs to (through its post). */
    public Optional<MediaOwner> ownerOfMedia(long mediaId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id AS case_id, c.organisation_id, m.file_path, m.purged_at, m.mime
                        FROM media m JOIN cases c ON c.post_id = m.post_id WHERE m.id = :id""")
                .bind("id", mediaId)
                .map((rs, ctx) -> new MediaOwner(mediaId, rs.getLong("case_id"), rs.getLong("organisation_id"),
                        rs.getString("file_path"), Rows.instant(rs, "purged_at") != null, rs.getString("mime")))
                .findOne());
    }

    public record MediaOwner(long mediaId, long caseId, long organisationId, String filePath, boolean purged,
                             String mime) {
        public boolean available() {
            return filePath != null && !purged;
        }
    }

    public Optional<CaseDetail> find(long caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.*, o.name AS org_name, o.ods_code, o.comms_email,
                               a.name AS account_name, a.kind AS account_kind, a.platform AS account_platform,
                               a.handle, a.contact_email,
                               p.permalink, p.status AS post_status, p.published_at, p.edited_at, p.first_seen_at,
                               p.last_seen_at, p.last_checked_at, p.deleted_at, p.purged_at, p.text, p.bidi_controls
                        FROM cases c
                        JOIN organisations o ON o.id = c.organisation_id
                        JOIN accounts a ON a.id = c.account_id
                        JOIN posts p ON p.id = c.post_id
                        WHERE c.id = :id""")
                .bind("id", caseId)
                .map((rs, ctx) -> new Object[] {
                        new CaseDetail.Org(rs.getLong("organisation_id"), rs.getString("org_name"),
                                rs.getString("ods_code"), rs.getString("comms_email")),
                        new CaseDetail.Acct(rs.getLong("account_id"), rs.getString("account_name"),
                                rs.getString("account_kind"), rs.getString("account_platform"),
                                rs.getString("handle"), rs.getString("contact_email")),
                        new CaseDetail.Post(rs.getLong("post_id"), rs.getString("permalink"), rs.getString("post_status"),
                                Rows.instant(rs, "published_at"), Rows.instant(rs, "edited_at"),
                                Rows.instant(rs, "first_seen_at"), Rows.instant(rs, "last_seen_at"),
                                Rows.instant(rs, "last_checked_at"), Rows.instant(rs, "deleted_at"),
                                Rows.instant(rs, "purged_at"), cipher.decrypt(ContentColumn.POST_TEXT, rs.getString("text")),
                                rs.getInt("bidi_controls")),
                        rs.getDouble("risk"), rs.getString("status"), rs.getString("dismiss_reason"),
                        rs.getString("decided_by"), Rows.instant(rs, "decided_at"), Rows.instant(rs, "created_at"),
                        rs.getString("reasons"), rs.getString("signals")})
                .findOne()
                .map(row -> assemble(h, caseId, row)));
    }

    private CaseDetail assemble(Handle h, long caseId, Object[] row) {
        CaseDetail.Org org = (CaseDetail.Org) row[0];
        CaseDetail.Acct account = (CaseDetail.Acct) row[1];
        CaseDetail.Post post = (CaseDetail.Post) row[2];
        List<Finding> findings = h.createQuery("SELECT * FROM findings WHERE post_id = :p ORDER BY score DESC, id")
                .bind("p", post.id())
                .map((rs, ctx) -> new Finding(rs.getLong("id"), Rows.longOrNull(rs, "media_id"), rs.getString("source"),
                        rs.getString("type"), cipher.decrypt(ContentColumn.FINDING_TEXT, rs.getString("text")),
                        Rows.intOrNull(rs, "span_start"),
                        Rows.intOrNull(rs, "span_end"), Rows.intOrNull(rs, "box_x"), Rows.intOrNull(rs, "box_y"),
                        Rows.intOrNull(rs, "box_w"), Rows.intOrNull(rs, "box_h"), rs.getDouble("score")))
                .list();
        List<MediaItem> media = h.createQuery("SELECT * FROM media WHERE post_id = :p ORDER BY position, id")
                .bind("p", post.id())
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    boolean available = rs.getString("file_path") != null && Rows.instant(rs, "purged_at") == null;
                    List<Finding> boxes = findings.stream()
                            .filter(f -> f.mediaId() != null && f.mediaId() == id && f.hasBox()).toList();
                    return new MediaItem(id, rs.getInt("position"), Rows.intOrNull(rs, "width"),
                            Rows.intOrNull(rs, "height"), available, rs.getString("error"), boxes);
                }).list();
        List<RemovalRequest> reqs = requests.forCase(caseId);
        CaseStatus status = CaseStatus.parse((String) row[4]).orElse(CaseStatus.OPEN);
        Instant created = (Instant) row[8];
        return new CaseDetail(caseId, (Double) row[3], status, (String) row[5], (String) row[6], (Instant) row[7],
                created, Reasons.quoting((String) row[9], findings), Reasons.signals((String) row[10]), org, account, post, media,
                findings, Captions.split(post.text(), findings), timeline(h, caseId, post, created, reqs), reqs);
    }

    private List<TimelineEntry> timeline(Handle h, long caseId, CaseDetail.Post post, Instant created,
                                         List<RemovalRequest> reqs) {
        List<TimelineEntry> t = new ArrayList<>();
        if (post.publishedAt() != null) t.add(new TimelineEntry(post.publishedAt(), "Posted", null, null));
        List<TimelineEntry> postEvents = h.createQuery("SELECT * FROM post_events WHERE post_id = :p ORDER BY at, id")
                .bind("p", post.id())
                .map((rs, ctx) -> new TimelineEntry(Rows.instant(rs, "at"), postEvent(rs.getString("event")), null,
                        rs.getString("detail"))).list();
        t.addAll(postEvents);
        boolean hasFirstSeen = postEvents.stream().anyMatch(e -> e.what().equals("First seen"));
        if (!hasFirstSeen && post.firstSeenAt() != null) t.add(new TimelineEntry(post.firstSeenAt(), "First seen", null, null));
        if (post.deletedAt() != null && postEvents.stream().noneMatch(e -> e.what().equals("Deleted"))) {
            t.add(new TimelineEntry(post.deletedAt(), "Deleted", null, "the post no longer answers"));
        }
        if (created != null) t.add(new TimelineEntry(created, "Flagged", null, null));
        for (AuditLog.Event e : audit.about("case", caseId)) {
            t.add(new TimelineEntry(e.at(), caseAction(e.action()), e.actor(), e.detail()));
        }
        for (RemovalRequest r : reqs) {
            for (RemovalRequest.Event e : r.events()) {
                t.add(new TimelineEntry(e.at(), "Request #" + r.id() + " " + e.status().id(), e.actor(), e.note()));
            }
        }
        t.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return t;
    }

    private static String postEvent(String event) {
        if (event == null) return "";
        return switch (event.toLowerCase(java.util.Locale.ROOT)) {
            case "first_seen", "seen", "created" -> "First seen";
            case "edited" -> "Edited";
            case "deleted" -> "Deleted";
            case "reappeared" -> "Reappeared";
            case "unreachable" -> "Unreachable";
            case "purged" -> "Media and caption purged";
            default -> event.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + event.substring(1).replace('_', ' ');
        };
    }

    private static String caseAction(String action) {
        return switch (action) {
            case "confirm" -> "Confirmed";
            case "dismiss" -> "Dismissed";
            case "reopen" -> "Reopened";
            case "reveal" -> "Original image revealed";
            case "reveal_failed" -> "Original image not revealed (could not be decoded safely)";
            default -> action;
        };
    }
}
