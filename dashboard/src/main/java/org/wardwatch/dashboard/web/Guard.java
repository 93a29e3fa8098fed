package org.wardwatch.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.wardwatch.dashboard.auth.ApiTokens;
import org.wardwatch.dashboard.auth.Sessions;
import org.wardwatch.dashboard.auth.SignInTokens;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.auth.UserStore;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;

/**
 * Runs before every request: security headers, then who is asking, then the CSRF check of anything
 * that changes state. Pages use the session cookie and every change must carry the session's CSRF
 * token (the sign-in form, before there is a session, a signed token: {@link SignInTokens}); the JSON
 * API uses a bearer token and no cookie, so it needs no CSRF token. Once a route has matched,
 * {@link #authorise} holds who is asking against the access the route declared ({@link Access}).
 */
public final class Guard {
    public static final String COOKIE = "ww_session";
    public static final String SIGN_IN_COOKIE = "ww_signin";
    public static final String CSRF_FIELD = "_csrf";

    private final Sessions sessions;
    private final UserStore users;
    private final ApiTokens tokens;
    private final SignInTokens signInTokens;
    private final boolean secureCookies;

    public Guard(Sessions sessions, UserStore users, ApiTokens tokens, SignInTokens signInTokens, boolean secureCookies) {
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.signInTokens = signInTokens;
        this.secureCookies = secureCookies;
    }

    public void handle(Context ctx) {
        headers(ctx);
        String path = ctx.path();
        if (path.startsWith("/static/") || path.equals("/health")) return;
        if (path.startsWith("/api/")) {
            api(ctx);
            return;
        }
        Sessions.Session session = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (session != null) {
            // checked on every request, so a user disabled by the command line in another process is signed out at once
            User user = users.byId(session.userId()).filter(User::active).orElse(null);
            if (user == null) {
                sessions.end(session.id());
            } else {
                ctx.attribute(Web.SESSION, session);
                ctx.attribute(Web.USER, user);
            }
        }
        if (changes(ctx) && !csrfHolds(ctx, Web.session(ctx))) {
            throw new ForbiddenResponse("This form has expired or did not come from WardWatch (missing or wrong CSRF token). "
                    + "Go back, reload the page and try again.");
        }
    }

    /** After routing: the access the route declared, against who is asking. */
    public void authorise(Context ctx) {
        // static files are matched too, and have no route roles: the stylesheet and script are public
        if (ctx.path().startsWith("/static/") || ctx.routeRoles().contains(Access.ANYONE)) return;
        User user = Web.userOrNull(ctx);
        if (user == null) {
            if (ctx.path().startsWith("/api/")) throw new UnauthorizedResponse("a valid API token is required: Authorization: Bearer TOKEN");
            if (changes(ctx)) throw new ForbiddenResponse("sign in first");
            String next = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        boolean allowed = ctx.routeRoles().stream().anyMatch(r -> r instanceof Access a && a.allows(user));
        if (!allowed) throw new ForbiddenResponse("not allowed for your role");
    }

    /** A fresh session on signing in (the old one, if any, is ended first: no fixation). */
    public Sessions.Session startSession(Context ctx, long userId) {
        endSession(ctx);
        Sessions.Session s = sessions.create(userId);
        ctx.cookie(new Cookie(COOKIE, s.id(), "/", -1, secureCookies, 0, true, null, null, SameSite.LAX));
        ctx.cookie(new Cookie(SIGN_IN_COOKIE, "", "/login", 0, secureCookies, 0, true, null, null, SameSite.STRICT));
        ctx.attribute(Web.SESSION, s);
        return s;
    }

    public void endSession(Context ctx) {
        Sessions.Session s = Web.session(ctx);
        if (s != null) sessions.end(s.id());
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secureCookies, 0, true, null, null, SameSite.LAX));
    }

    /**
     * The sign-in form's token for a visitor who is not signed in: the one in their cookie while it is
     * valid, else a new one set in the cookie. Nothing is stored on the server.
     */
    public String signInToken(Context ctx) {
        String current = ctx.cookie(SIGN_IN_COOKIE);
        if (signInTokens.valid(current)) return current;
        String token = signInTokens.issue();
        ctx.cookie(new Cookie(SIGN_IN_COOKIE, token, "/login", (int) signInTokens.lifetime().toSeconds(), secureCookies, 0,
                true, null, null, SameSite.STRICT));
        return token;
    }

    private boolean csrfHolds(Context ctx, Sessions.Session session) {
        String presented = ctx.formParam(CSRF_FIELD);
        if (presented == null) presented = ctx.header("X-CSRF-Token");
        if (session != null) return session.csrfMatches(presented);
        return ctx.path().equals("/login") && signInTokens.matches(ctx.cookie(SIGN_IN_COOKIE), presented);
    }

    private static boolean changes(Context ctx) {
        return ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
    }

    private void api(Context ctx) {
        String auth = ctx.header("Authorization");
        Optional<User> user = Optional.empty();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) user = tokens.authenticate(auth.substring(7).strip());
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wardwatch\"");
            throw new UnauthorizedResponse("a valid, unexpired and unrevoked API token of an enabled user is required: Authorization: Bearer TOKEN");
        }
        ctx.attribute(Web.USER, user.get());
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "no-store");
    }
}
