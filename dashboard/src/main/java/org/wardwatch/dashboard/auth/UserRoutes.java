package org.wardwatch.dashboard.auth;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The admin's users page: who may sign in, their tokens, and the two things an admin does in a hurry
 * (disable a user, revoke their tokens). Adding users and issuing tokens stay on the command line,
 * where a password or a token never passes through a browser.
 */
public final class UserRoutes implements Routes {
    private final UserStore users;
    private final ApiTokens tokens;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Views views;
    private final java.time.Clock clock;

    public UserRoutes(UserStore users, ApiTokens tokens, Sessions sessions, AuditLog audit, Views views, java.time.Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app) {
        app.get("/admin/users", this::list, Access.ADMIN);
        app.post("/admin/users/{id}/enabled", this::setEnabled, Access.ADMIN);
        app.post("/admin/users/{id}/tokens/revoke", this::revoke, Access.ADMIN);
    }

    private void list(Context ctx) {
        Map<Long, List<ApiTokens.Listed>> byUser = tokens.tokens().stream()
                .collect(Collectors.groupingBy(ApiTokens.Listed::userId));
        Web.render(ctx, views, "users.jte", Web.page(ctx, "Users", "users"), "users", users.listed(),
                "tokens", byUser, "now", clock.instant());
    }

    private void setEnabled(Context ctx) {
        User admin = Web.user(ctx);
        User target = target(ctx);
        boolean enable = "true".equals(ctx.formParam("enabled"));
        if (!enable && target.id() == admin.id()) {
            Web.flash(ctx, "You cannot disable yourself; ask another admin or use wardwatch users disable.");
        } else if (users.setActive(target.id(), enable)) {
            if (!enable) sessions.endAllOf(target.id());
            audit.record(admin.username(), enable ? "user_enabled" : "user_disabled", "user", target.id(),
                    target.organisationId(), target.username());
            Web.flash(ctx, target.username() + (enable ? " enabled." : " disabled: signed out, and their tokens no longer work."));
        } else {
            Web.flash(ctx, target.username() + " was already " + (enable ? "enabled." : "disabled."));
        }
        ctx.redirect("/admin/users");
    }

    private void revoke(Context ctx) {
        User admin = Web.user(ctx);
        User target = target(ctx);
        int n = tokens.revokeAll(target.id());
        audit.record(admin.username(), "tokens_revoked", "user", target.id(), target.organisationId(),
                n + " API tokens of " + target.username());
        Web.flash(ctx, n == 0 ? target.username() + " had no working token." : "Revoked " + n + " API token"
                + (n == 1 ? "" : "s") + " of " + target.username() + ".");
        ctx.redirect("/admin/users");
    }

    private User target(Context ctx) {
        long id = Web.pathId(ctx, "id");
        return users.byId(id).orElseThrow(() -> new NotFoundResponse("no user " + id));
    }
}
