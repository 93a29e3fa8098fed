package org.wardwatch.dashboard.auth;

import java.time.Duration;

import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.web.Guard;
import org.wardwatch.dashboard.web.Page;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Signing in and out, and the home page that sends each role where its work is. */
public final class AuthRoutes implements Routes {
    private final UserStore users;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Guard guard;
    private final Views views;

    public AuthRoutes(UserStore users, LoginThrottle throttle, AuditLog audit, Guard guard, Views views) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.guard = guard;
        this.views = views;
    }

    @Override
    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect(Web.user(ctx).isAuditor() ? "/providers" : "/queue"));
        app.get("/login", ctx -> {
            if (Web.userOrNull(ctx) != null) {
                ctx.redirect("/");
                return;
            }
            loginPage(ctx, null, HttpStatus.OK);
        });
        app.post("/login", this::login);
        app.post("/logout", ctx -> {
            User u = Web.userOrNull(ctx);
            guard.endSession(ctx);
            if (u != null) audit.record(u.username(), "sign_out", "user", u.id(), u.organisationId(), null);
            ctx.redirect("/login");
        });
    }

    private void login(Context ctx) {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String address = ctx.ip();
        Duration wait = throttle.wait(username, address);
        if (!wait.isZero()) {
            audit.record(cut(username), "sign_in_throttled", "user", null, null, "from " + address);
            loginPage(ctx, "Too many failed sign-ins. Try again in " + Math.max(1, (wait.toSeconds() + 59) / 60)
                    + " minutes.", HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        var user = users.authenticate(username, password == null ? "" : password);
        if (user.isEmpty()) {
            throttle.failed(username, address);
            audit.record(cut(username), "sign_in_failed", "user", null, null, "from " + address);
            loginPage(ctx, "That user name and password do not match an active account.", HttpStatus.UNAUTHORIZED);
            return;
        }
        throttle.succeeded(username);
        guard.endSession(ctx);
        guard.startSession(ctx, user.get().id());
        audit.record(user.get().username(), "sign_in", "user", user.get().id(), user.get().organisationId(),
                "from " + address);
        String next = ctx.formParam("next");
        ctx.redirect(safeNext(next) ? next : "/");
    }

    private void loginPage(Context ctx, String error, HttpStatus status) {
        Page page = Web.page(ctx, "Sign in", "login");
        if (error != null) page = page.withError(error);
        String next = ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next");
        ctx.status(status);
        Web.render(ctx, views, "login.jte", page, "next", safeNext(next) ? next : "",
                "username", ctx.formParam("username") == null ? "" : ctx.formParam("username"));
    }

    /** Only a path on this site: never another host, so sign-in cannot be used to bounce people elsewhere. */
    static boolean safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && !next.startsWith("/login") && next.length() < 2000;
    }

    private static String cut(String s) {
        if (s == null || s.isBlank()) return "(blank)";
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
