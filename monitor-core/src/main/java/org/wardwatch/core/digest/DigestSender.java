package org.wardwatch.core.digest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.digest.DigestLedger.DigestRecord;
import org.wardwatch.core.digest.DigestOutcome.Status;
import org.wardwatch.core.mail.MailException;
import org.wardwatch.core.mail.Mailer;

/**
 * Sends the weekly digests: for every organisation, builds and renders its digest, then for every
 * recipient claims the (organisation, recipient, week) row in the ledger and sends, retrying with
 * backoff. Each outcome is logged and returned; one organisation's failure never stops the rest.
 */
public final class DigestSender {
    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private final DigestBuilder builder;
    private final DigestRenderer renderer;
    private final DigestLedger ledger;
    private final Mailer mailer;
    private final RetryPolicy retry;
    private final boolean sendEmpty;
    private final Map<String, List<String>> extraRecipients;

    /**
     * @param sendEmpty       whether an organisation with nothing to report gets the short note
     * @param extraRecipients by ODS code, from the configuration, besides the comms lead
     */
    public DigestSender(DigestBuilder builder, DigestRenderer renderer, DigestLedger ledger, Mailer mailer,
                        RetryPolicy retry, boolean sendEmpty, Map<String, List<String>> extraRecipients) {
        this.builder = builder;
        this.renderer = renderer;
        this.ledger = ledger;
        this.mailer = mailer;
        this.retry = retry;
        this.sendEmpty = sendEmpty;
        this.extraRecipients = Map.copyOf(extraRecipients);
    }

    public DigestBuilder builder() {
        return builder;
    }

    public DigestRenderer renderer() {
        return renderer;
    }

    public DigestLedger ledger() {
        return ledger;
    }

    /** Everyone who gets this organisation's digest: the comms lead, then the extra recipients, once each. */
    public List<String> recipients(DigestOrganisation org) {
        Set<String> all = new LinkedHashSet<>();
        if (org.commsEmail() != null && !org.commsEmail().isBlank()) all.add(DigestLedger.normalise(org.commsEmail()));
        org.extraRecipients().forEach(r -> all.add(DigestLedger.normalise(r)));
        extraRecipients.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(org.odsCode()))
                .flatMap(e -> e.getValue().stream())
                .filter(r -> r != null && !r.isBlank())
                .forEach(r -> all.add(DigestLedger.normalise(r)));
        return List.copyOf(all);
    }

    /** Sends the week's digest of every organisation (or of the given ones). */
    public List<DigestOutcome> send(IsoWeek week, List<DigestOrganisation> organisations) {
        List<DigestOutcome> outcomes = new ArrayList<>();
        for (DigestOrganisation org : organisations) outcomes.addAll(send(week, org, null));
        return outcomes;
    }

    public List<DigestOutcome> send(IsoWeek week) {
        return send(week, builder.organisations());
    }

    /**
     * What the scheduled job does: first the digests of earlier weeks left 'failed', then this week's.
     */
    public List<DigestOutcome> runScheduled(IsoWeek week) {
        List<DigestOutcome> outcomes = new ArrayList<>(retryFailed(week));
        outcomes.addAll(send(week));
        return outcomes;
    }

    /** Tries again every digest of a week before {@code week} that is recorded as failed. */
    public List<DigestOutcome> retryFailed(IsoWeek week) {
        List<DigestOutcome> outcomes = new ArrayList<>();
        for (DigestRecord r : ledger.failed()) {
            if (r.week().compareTo(week) >= 0) continue; // this week's rows are retried by send(week)
            Optional<DigestOrganisation> org = builder.organisation(r.organisationId());
            if (org.isPresent()) outcomes.addAll(send(r.week(), org.get(), r.recipient()));
        }
        return outcomes;
    }

    /** @param onlyRecipient null for all of the organisation's recipients */
    private List<DigestOutcome> send(IsoWeek week, DigestOrganisation org, String onlyRecipient) {
        List<String> recipients = onlyRecipient == null ? recipients(org) : List.of(onlyRecipient);
        if (recipients.isEmpty()) return List.of(report(org, null, week, Status.NO_RECIPIENT, 0, null));
        RenderedDigest rendered;
        try {
            Digest digest = builder.build(org, week);
            if (digest.isEmpty() && !sendEmpty) {
                return List.of(report(org, null, week, Status.NOTHING_TO_REPORT, 0, null));
            }
            rendered = renderer.render(digest);
        } catch (RuntimeException e) {
            // nothing was claimed: the next run builds it again
            String why = "could not build the digest: " + oneLine(e);
            return recipients.stream().map(r -> report(org, r, week, Status.FAILED, 0, why)).toList();
        }
        List<DigestOutcome> outcomes = new ArrayList<>();
        for (String recipient : recipients) outcomes.add(deliver(org, recipient, week, rendered));
        return outcomes;
    }

    private DigestOutcome deliver(DigestOrganisation org, String recipient, IsoWeek week, RenderedDigest rendered) {
        Optional<Long> claim = ledger.claim(org.id(), recipient, week);
        if (claim.isEmpty()) return report(org, recipient, week, Status.ALREADY_SENT, 0, null);
        long id = claim.get();
        String error = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            ledger.attempted(id);
            try {
                mailer.send(rendered.to(recipient));
                ledger.sent(id);
                return report(org, recipient, week, Status.SENT, attempt, null);
            } catch (MailException | RuntimeException e) {
                error = oneLine(e);
                log.warn("digest {} {} {}: attempt {} of {} failed: {}", org.odsCode(), recipient, week, attempt,
                        retry.attempts(), error);
                ledger.failed(id, error); // recorded at once, so a crash while waiting leaves it retryable
                if (attempt < retry.attempts()) {
                    if (!pause(retry.delayAfter(attempt).toMillis())) break;
                    // failed -> sending again; if another node took the failed row meanwhile, it sends, not us
                    if (ledger.claim(org.id(), recipient, week).isEmpty()) {
                        return report(org, recipient, week, Status.ALREADY_SENT, attempt, null);
                    }
                }
            }
        }
        return report(org, recipient, week, Status.FAILED, ledger.find(org.id(), recipient, week)
                .map(DigestRecord::attempts).orElse(retry.attempts()), error);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the row stays 'failed' for the next run
            return false;
        }
    }

    private static DigestOutcome report(DigestOrganisation org, String recipient, IsoWeek week, Status status,
                                        int attempts, String error) {
        DigestOutcome o = new DigestOutcome(org.odsCode(), org.name(), recipient, week, status, attempts, error);
        if (status == Status.FAILED) log.error("digest {}", o.describe());
        else log.info("digest {}", o.describe());
        return o;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m);
    }
}
