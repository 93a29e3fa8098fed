package org.wardwatch.dashboard.auth;

import java.util.Objects;

/**
 * A signed-in dashboard user and what follows from the role. Every permission question the web app
 * asks is answered here, so the rules live in one place.
 *
 * @param organisationId the reviewer's organisation; null for admins and auditors
 */
public record User(long id, String username, Role role, Long organisationId, String organisationName,
                   boolean active) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAuditor() {
        return role == Role.AUDITOR;
    }

    /** Case content (queue, case pages, blurred images, requests): admins and reviewers only. */
    public boolean seesCases() {
        return role == Role.ADMIN || (role == Role.REVIEWER && organisationId != null);
    }

    /** May this user see and decide on a case of that organisation? */
    public boolean mayReview(long caseOrganisationId) {
        return role == Role.ADMIN || (role == Role.REVIEWER && organisationId != null
                && organisationId == caseOrganisationId);
    }

    /**
     * Revealing an original image is a reviewer's deliberate act for their own organisation only:
     * not even an admin sees another trust's unblurred photos.
     */
    public boolean mayReveal(long caseOrganisationId) {
        return role == Role.REVIEWER && organisationId != null && organisationId == caseOrganisationId;
    }

    /** Per-provider figures: admins and auditors. */
    public boolean seesProviderAudit() {
        return role == Role.ADMIN || role == Role.AUDITOR;
    }

    /** The organisation whose cases this user is limited to; null means every organisation. */
    public Long caseScope() {
        return role == Role.REVIEWER ? organisationId : null;
    }
}
