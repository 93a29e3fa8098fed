package org.wardwatch.dashboard.requests;

import java.time.Instant;
import java.util.List;

/** A request to an account's owner to take a post down, with its history. */
public record RemovalRequest(long id, long caseId, long organisationId, String accountName, String recipient,
                             String subject, String body, RequestStatus status, Instant dueAt, String raisedBy,
                             Instant raisedAt, Instant sentAt, Instant acknowledgedAt, Instant removedAt,
                             List<Event> events) {
    public RemovalRequest {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public record Event(Instant at, RequestStatus status, String actor, String note) {
    }

    public boolean mayBeSent() {
        return status == RequestStatus.RAISED;
    }

    public boolean awaitingOwner() {
        return status == RequestStatus.SENT || status == RequestStatus.OVERDUE || status == RequestStatus.ACKNOWLEDGED;
    }
}
