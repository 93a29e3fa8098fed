package org.wardwatch.dashboard.review;

import java.time.Instant;
import java.util.List;

import org.wardwatch.dashboard.requests.RemovalRequest;

/** Everything the case page shows: the post, why it was flagged, what was decided and asked since. */
public record CaseDetail(long id, double risk, CaseStatus status, String dismissReason, String decidedBy,
                         Instant decidedAt, Instant createdAt, List<String> reasons, List<String> signals,
                         Org organisation, Acct account, Post post, List<MediaItem> media, List<Finding> findings,
                         List<CaptionPart> caption, List<TimelineEntry> timeline, List<RemovalRequest> requests) {

    public record Org(long id, String name, String odsCode, String commsEmail) {
    }

    public record Acct(long id, String name, String kind, String platform, String handle, String contactEmail) {
    }

    /**
     * @param bidiControls how many bidirectional controls (U+202E and its kin) the post's texts hold: the
     *                     caption may not read the way it displays
     */
    public record Post(long id, String permalink, String status, Instant publishedAt, Instant editedAt,
                       Instant firstSeenAt, Instant lastSeenAt, Instant lastCheckedAt, Instant deletedAt,
                       Instant purgedAt, String text, int bidiControls) {
        public boolean gone() {
            return deletedAt != null || "deleted".equalsIgnoreCase(status);
        }
    }

    /** An image of the post; available when its encrypted file is still held. */
    public record MediaItem(long id, int position, Integer width, Integer height, boolean available, String error,
                            List<Finding> boxes) {
        public boolean drawable() {
            return available && width != null && height != null && width > 0 && height > 0;
        }
    }

    public record Finding(long id, Long mediaId, String source, String type, String text, Integer start, Integer end,
                          Integer x, Integer y, Integer w, Integer h, double score) {
        public boolean hasBox() {
            return x != null && y != null && w != null && h != null;
        }

        public String label() {
            return Reasons.signalLabel(type);
        }

        public int scorePercent() {
            return (int) Math.round(score * 100);
        }

        public String where() {
            return switch (source == null ? "" : source) {
                case "caption" -> "caption";
                case "alt_text" -> "image description";
                case "image" -> "image";
                case "image_text" -> "text in image";
                case "quote" -> "quoted post";
                case "card" -> "link card";
                case "platform" -> "platform's warning";
                default -> source == null ? "" : source;
            };
        }
    }

    /** A run of caption text, highlighted when a finding covers it. */
    public record CaptionPart(String text, String type) {
        public boolean flagged() {
            return type != null;
        }

        public String label() {
            return type == null ? "" : Reasons.signalLabel(type);
        }
    }

    public record TimelineEntry(Instant at, String what, String who, String detail) {
    }

    public boolean confirmed() {
        return status == CaseStatus.CONFIRMED;
    }

    public int riskPercent() {
        return (int) Math.round(risk * 100);
    }

    public String riskBand() {
        return risk >= 0.8 ? "high" : risk >= 0.6 ? "medium" : "low";
    }

    /** Where a removal request goes: the account's named contact, else the organisation's comms lead. */
    public String ownerEmail() {
        if (account.contactEmail() != null && !account.contactEmail().isBlank()) return account.contactEmail();
        return organisation.commsEmail();
    }
}
