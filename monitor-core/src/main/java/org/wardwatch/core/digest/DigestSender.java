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
        List<Slot> slots = new ArrayList<>();
        for (DigestOrganisation org : organisations) slots.addAll(prepare(week, org, null));
        return deliver(slots);
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
        List<Slot> slots = new ArrayList<>();
        for (DigestRecord r : ledger.failed()) {
            if (r.week().compareTo(week) >= 0) continue; // this week's rows are retried by send(week)
            Optional<DigestOrganisation> org = builder.organisation(r.organisationId());
            if (org.isPresent()) slots.addAll(prepare(r.week(), org.get(), r.recipient()));
        }
        return deliver(slots);
    }

    /**
     * One line of a run: a digest to deliver to one recipient, or an outcome already decided
     * (nothing to report, no recipient, could not be built).
     */
    private static final class Slot {
        final DigestOrganisation org;
        final String recipient;
        final IsoWeek week;
        final RenderedDigest rendered;
        Long claim;
        int attempts;
        String error;
        DigestOutcome outcome;

        Slot(DigestOrganisation org, String recipient, IsoWeek week, RenderedDigest rendered) {
            this.org = org;
            this.recipient = recipient;
            this.week = week;
            this.rendered = rendered;
        }
    }

    /** Builds and renders one organisation's digest; @param onlyRecipient null for all of its recipients */
    private List<Slot> prepare(IsoWeek week, DigestOrganisation org, String onlyRecipient) {
        List<String> recipients = onlyRecipient == null ? recipients(org) : List.of(onlyRecipient);
        if (recipients.isEmpty()) return List.of(decided(org, null, week, Status.NO_RECIPIENT, null));
        RenderedDigest rendered;
        try {
            Digest digest = builder.build(org, week);
            if (digest.isEmpty() && !sendEmpty) return List.of(decided(org, null, week, Status.NOTHING_TO_REPORT, null));
            rendered = renderer.render(digest);
        } catch (RuntimeException e) {
            // nothing was claimed: the next run builds it again
            String why = "could not build the digest: " + oneLine(e);
            return recipients.stream().map(r -> decided(org, r, week, Status.FAILED, why)).toList();
        }
        return recipients.stream().map(r -> new Slot(org, r, week, rendered)).toList();
    }

    private static Slot decided(DigestOrganisation org, String recipient, IsoWeek week, Status status, String error) {
        Slot s = new Slot(org, recipient, week, null);
        s.outcome = report(org, recipient, week, status, 0, error);
        return s;
    }

    /**
     * Claims every digest, then sends in rounds: all of them, then after a pause the ones that
     * failed, and so on. A mail server that is down costs one backoff per run, not one per recipient.
     */
    private List<DigestOutcome> deliver(List<Slot> slots) {
        List<Slot> pending = new ArrayList<>();
        for (Slot s : slots) {
            if (s.outcome != null) continue;
            try {
                Optional<Long> claim = ledger.claim(s.org.id(), s.recipient, s.week);
                if (claim.isEmpty()) s.outcome = report(s.org, s.recipient, s.week, Status.ALREADY_SENT, 0, null);
                else {
                    s.claim = claim.get();
                    pending.add(s);
                }
            } catch (RuntimeException e) {
                s.outcome = report(s.org, s.recipient, s.week, Status.FAILED, 0, "could not record the digest: " + oneLine(e));
            }
        }
        for (int attempt = 1; attempt <= retry.attempts() && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                if (!pause(retry.delayAfter(attempt - 1).toMillis())) break;
                // failed -> sending again; a row another node took meanwhile is theirs to send
                for (var it = pending.iterator(); it.hasNext(); ) {
                    Slot s = it.next();
                    if (ledger.claim(s.org.id(), s.recipient, s.week).isEmpty()) {
                        s.outcome = report(s.org, s.recipient, s.week, Status.ALREADY_SENT, s.attempts, null);
                        it.remove();
                    }
                }
            }
            for (var it = pending.iterator(); it.hasNext(); ) {
                Slot s = it.next();
                if (attempt(s, attempt)) it.remove();
            }
        }
        for (Slot s : pending) {
            int attempts = ledger.find(s.org.id(), s.recipient, s.week).map(DigestRecord::attempts).orElse(s.attempts);
            s.outcome = report(s.org, s.recipient, s.week, Status.FAILED, attempts, s.error);
        }
        return slots.stream().map(s -> s.outcome).toList();
    }

    /** One try; true when it is settled (sent). A failure is recorded at once, so a crash leaves it retryable. */
    private boolean attempt(Slot s, int attempt) {
        try {
            ledger.attempted(s.claim);
            s.attempts = attempt;
            mailer.send(s.rendered.to(s.recipient));
            ledger.sent(s.claim);
            s.outcome = report(s.org, s.recipient, s.week, Status.SENT, attempt, null);
            return true;
        } catch (MailException | RuntimeException e) {
            s.error = oneLine(e);
            log.warn("digest {} {} {}: attempt {} of {} failed: {}", s.org.odsCode(), s.recipient, s.week, attempt,
                    retry.attempts(), s.error);
            try {
                ledger.failed(s.claim, s.error);
            } catch (RuntimeException dbDown) {
                log.error("digest {} {} {}: could not record the failure: {}", s.org.odsCode(), s.recipient, s.week,
                        oneLine(dbDown));
            }
            return false;
        }
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
