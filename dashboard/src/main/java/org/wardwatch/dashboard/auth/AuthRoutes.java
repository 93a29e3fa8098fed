package org.wardwatch.dashboard.auth;

import java.time.Duration;
import java.util.Optional;

import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Guard;
import org.wardwatch.dashboard.web.Page;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Signing in and out, and the home page that sends each role where its work is. A sign-in is first
 * claimed against the throttle, then its password is checked on the bounded {@link PasswordChecks}
 * pool; whatever is refused on the way gets 429 with Retry-After, at once.
 */
public final class AuthRoutes implements Routes {
    /** What a visitor turned away because the checks are all busy is told to wait. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    private final UserStore users;
    private final LoginThrottle throttle;
    private final PasswordChecks checks;
    private final AuditLog audit;
    private final Guard guard;
    private final Views views;

    public AuthRoutes(UserStore users, LoginThrottle throttle, PasswordChecks checks, AuditLog audit, Guard guard, Views views) {
        this.users = users;
        this.throttle = throttle;
        this.checks = checks;
        this.audit = audit;
        this.guard = guard;
        this.views = views;
    }

    @Override
    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect(Web.user(ctx).isAuditor() ? "/providers" : "/queue"), Access.SIGNED_IN);
        app.get("/login", ctx -> {
            if (Web.userOrNull(ctx) != null) {
                ctx.redirect("/");
                return;
            }
            loginPage(ctx, null, HttpStatus.OK);
        }, Access.ANYONE);
        app.post("/login", this::login, Access.ANYONE);
        app.post("/logout", ctx -> {
            User u = Web.userOrNull(ctx);
            guard.endSession(ctx);
            if (u != null) audit.record(u.username(), "sign_out", "user", u.id(), u.organisationId(), null);
            ctx.redirect("/login");
        }, Access.SIGNED_IN);
    }

    private void login(Context ctx) {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String address = ctx.ip();
        LoginThrottle.Attempt attempt = throttle.claim(username, address);
        if (!attempt.allowed()) {
            audit.record(cut(username), "sign_in_throttled", "user", null, null, "from " + address);
            tooMany(ctx, attempt.retryAfter(), "Too many failed sign-ins. Try again in "
                    + Math.max(1, (attempt.retryAfter().toSeconds() + 59) / 60) + " minutes.");
            return;
        }
        Optional<Optional<User>> checked = checks.run(() -> users.authenticate(username, password == null ? "" : password));
        if (checked.isEmpty()) {
            throttle.unchecked(attempt);
            tooMany(ctx, BUSY_RETRY, "WardWatch is busy checking other sign-ins. Try again in a moment.");
            return;
        }
        if (checked.get().isEmpty()) {
            audit.record(cut(username), "sign_in_failed", "user", null, null, "from " + address);
            loginPage(ctx, "That user name and password do not match an enabled account.", HttpStatus.UNAUTHORIZED);
            return;
        }
        User user = checked.get().get();
        throttle.succeeded(attempt);
        guard.startSession(ctx, user.id());
        audit.record(user.username(), "sign_in", "user", user.id(), user.organisationId(), "from " + address);
        ctx.redirect(NextPath.orHome(ctx.formParam("next")));
    }

    private void tooMany(Context ctx, Duration retryAfter, String message) {
        ctx.header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        loginPage(ctx, message, HttpStatus.TOO_MANY_REQUESTS);
    }

    private void loginPage(Context ctx, String error, HttpStatus status) {
        Web.useSignInToken(ctx, guard.signInToken(ctx));
        Page page = Web.page(ctx, "Sign in", "login");
        if (error != null) page = page.withError(error);
        String next = ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next");
        ctx.status(status);
        Web.render(ctx, views, "login.jte", page, "next", NextPath.safe(next) ? next : "",
                "username", ctx.formParam("username") == null ? "" : ctx.formParam("username"));
    }

    private static String cut(String s) {
        if (s == null || s.isBlank()) return "(blank)";
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
