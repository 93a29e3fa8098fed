package org.wardwatch.dashboard.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.wardwatch.core.mail.MailException;
import org.wardwatch.core.mail.MailMessage;
import org.wardwatch.core.mail.Mailer;
import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.review.CaseDetail;
import org.wardwatch.dashboard.review.CaseStatus;
import org.wardwatch.dashboard.review.CaseStore;

/**
 * Raising, sending and following removal requests. Only a confirmed case gets one; sending is by
 * email through the configured SMTP server, or by the reviewer's own hand ("mark as sent" after
 * copying the text).
 */
public final class RemovalRequests {
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

    private final RequestStore store;
    private final CaseStore cases;
    private final Mailer mailer;
    private final AuditLog audit;
    private final Clock clock;
    private final int dueDays;

    public RemovalRequests(RequestStore store, CaseStore cases, Mailer mailer, AuditLog audit, Clock clock, int dueDays) {
        this.store = store;
        this.cases = cases;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
        this.dueDays = dueDays;
    }

    public LocalDate defaultDue() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(dueDays);
    }

    public RequestTemplate.Draft draft(CaseDetail c, User reviewer) {
        return RequestTemplate.draft(c, reviewer.username(), defaultDue());
    }

    /** @throws IllegalArgumentException with a reason the form can show */
    public long raise(User user, CaseDetail c, String recipient, String subject, String body, LocalDate due) {
        if (!user.mayReview(c.organisation().id())) throw new SecurityException("not your organisation's case");
        if (c.status() != CaseStatus.CONFIRMED) throw new IllegalArgumentException("confirm the case before raising a removal request");
        if (recipient == null || !EMAIL.matcher(recipient.strip()).matches()) {
            throw new IllegalArgumentException("the recipient must be one email address");
        }
        if (subject == null || subject.isBlank() || subject.length() > 500) throw new IllegalArgumentException("the subject must be 1 to 500 characters");
        if (body == null || body.isBlank() || body.length() > 20_000) throw new IllegalArgumentException("the text must be 1 to 20,000 characters");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (due == null || due.isBefore(today)) throw new IllegalArgumentException("the due date must be today or later");
        Instant dueAt = due.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
        long id = store.create(c.id(), recipient.strip(), subject.strip(), body.replace("\r\n", "\n"), dueAt, user.username());
        audit.record(user.username(), "request_raised", "request", id, c.organisation().id(), "case " + c.id() + " to " + recipient.strip());
        return id;
    }

    /** Sends a raised request by email; on an SMTP failure the request stays raised and the reason is thrown. */
    public void sendByEmail(User user, RemovalRequest r) throws MailException {
        check(user, r);
        if (!r.mayBeSent()) throw new IllegalArgumentException("request #" + r.id() + " was already " + r.status().id());
        mailer.send(new MailMessage(List.of(r.recipient()), r.subject(), r.body(), null));
        markSent(user, r, "emailed to " + r.recipient());
    }

    /** The reviewer sent it themselves (copied into their own mail or a platform message). */
    public void markSentByHand(User user, RemovalRequest r) {
        check(user, r);
        if (!r.mayBeSent()) throw new IllegalArgumentException("request #" + r.id() + " was already " + r.status().id());
        markSent(user, r, "sent by " + user.username() + " outside WardWatch");
    }

    private void markSent(User user, RemovalRequest r, String note) {
        if (store.transition(r.id(), List.of(RequestStatus.RAISED), RequestStatus.SENT, user.username(), note)) {
            // the owner's time runs from when they were asked, not from when the draft was written
            Duration allowed = Duration.between(r.raisedAt(), r.dueAt());
            store.setDue(r.id(), clock.instant().plus(allowed.isNegative() ? Duration.ofDays(dueDays) : allowed));
            audit.record(user.username(), "request_sent", "request", r.id(), r.organisationId(), note);
        }
    }

    public void acknowledge(User user, RemovalRequest r, String note) {
        check(user, r);
        if (!store.transition(r.id(), List.of(RequestStatus.SENT, RequestStatus.OVERDUE), RequestStatus.ACKNOWLEDGED,
                user.username(), blankToNull(note))) {
            throw new IllegalArgumentException("only a sent or overdue request can be acknowledged");
        }
        audit.record(user.username(), "request_acknowledged", "request", r.id(), r.organisationId(), blankToNull(note));
    }

    public void refuse(User user, RemovalRequest r, String note) {
        check(user, r);
        if (!store.transition(r.id(), List.of(RequestStatus.SENT, RequestStatus.ACKNOWLEDGED, RequestStatus.OVERDUE),
                RequestStatus.REFUSED, user.username(), blankToNull(note))) {
            throw new IllegalArgumentException("only a sent, acknowledged or overdue request can be refused");
        }
        audit.record(user.username(), "request_refused", "request", r.id(), r.organisationId(), blankToNull(note));
    }

    private static void check(User user, RemovalRequest r) {
        if (!user.mayReview(r.organisationId())) throw new SecurityException("not your organisation's request");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public RequestStore store() {
        return store;
    }

    public CaseStore cases() {
        return cases;
    }
}
