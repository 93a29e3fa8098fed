package org.wardwatch.dashboard.web;

import org.wardwatch.dashboard.auth.User;

import io.javalin.security.RouteRole;

/**
 * Who may reach a route, declared where the route is registered ({@code app.get(path, handler,
 * Access.CASES)}) and enforced for every matched request by {@link Guard#authorise}. A route without
 * one is refused when the app is built, so no page can be added open by mistake. Whether a user may
 * see one particular case is a question about data and stays in the handler ({@link User#mayReview}).
 */
public enum Access implements RouteRole {
    /** The sign-in page and the health check. */
    ANYONE,
    /** Any signed-in user: the start page, dismissals by signal, signing out. */
    SIGNED_IN,
    /** Case content: admins and reviewers. */
    CASES,
    /** Per-provider figures: admins and auditors. */
    FIGURES,
    ADMIN;

    public boolean allows(User u) {
        if (this == ANYONE) return true;
        if (u == null || !u.active()) return false;
        return switch (this) {
            case SIGNED_IN -> true;
            case CASES -> u.seesCases();
            case FIGURES -> u.seesProviderAudit();
            case ADMIN -> u.isAdmin();
            default -> false;
        };
    }
}
