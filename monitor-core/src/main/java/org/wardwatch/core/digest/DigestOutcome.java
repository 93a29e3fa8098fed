package org.wardwatch.core.digest;

/**
 * What happened to one organisation's digest for one recipient in a run.
 *
 * @param recipient null for outcomes that concern the whole organisation (no recipient, nothing to report)
 * @param error     one line, for FAILED only
 */
public record DigestOutcome(String odsCode, String organisation, String recipient, IsoWeek week, Status status,
                            int attempts, String error) {

    public enum Status {
        /** delivered to the mail server in this run */
        SENT,
        /** sent before, or being sent by another node: not sent again */
        ALREADY_SENT,
        /** every attempt failed; recorded, retried on the next run */
        FAILED,
        /** nothing to report and the "nothing found" note is configured off */
        NOTHING_TO_REPORT,
        /** the organisation has no comms email and no extra recipients */
        NO_RECIPIENT
    }

    /** One line for logs and the command's output. */
    public String describe() {
        String who = odsCode + " " + (recipient == null ? "-" : recipient) + " " + week;
        return switch (status) {
            case SENT -> who + ": sent" + (attempts > 1 ? " on attempt " + attempts : "");
            case ALREADY_SENT -> who + ": already sent (or being sent by another run), not sent again";
            case FAILED -> who + ": FAILED after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + error;
            case NOTHING_TO_REPORT -> who + ": nothing to report, no note sent (digest.sendEmpty is false)";
            case NO_RECIPIENT -> who + ": no recipient (no comms email or extra recipients for " + organisation + ")";
        };
    }
}
