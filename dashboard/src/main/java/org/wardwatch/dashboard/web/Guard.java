package org.wardwatch.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.wardwatch.dashboard.auth.ApiTokens;
import org.wardwatch.dashboard.auth.Sessions;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.auth.UserStore;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;

/**
 * Runs before every request: security headers, then who is asking. Pages use the session cookie,
 * and every request that changes something must carry the session's CSRF token; the JSON API uses
 * a bearer token and no cookie, so it needs no CSRF token. Anyone not signed in is sent to the
 * sign-in page.
 */
public final class Guard {
    public static final String COOKIE = "ww_session";
    public static final String CSRF_FIELD = "_csrf";

    private final Sessions sessions;
    private final UserStore users;
    private final ApiTokens tokens;
    private final boolean secureCookies;

    public Guard(Sessions sessions, UserStore users, ApiTokens tokens, boolean secureCookies) {
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
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
        User user = null;
        if (session != null && session.userId().isPresent()) {
            user = users.byId(session.userId().get()).filter(User::active).orElse(null);
            if (user == null) {
                sessions.end(session.id());
                session = null;
            }
        }
        boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        if (session == null && !changes && path.equals("/login")) session = startSession(ctx, null);
        if (session != null) ctx.attribute(Web.SESSION, session);
        if (changes) {
            String presented = ctx.formParam(CSRF_FIELD);
            if (presented == null) presented = ctx.header("X-CSRF-Token");
            if (session == null || !session.csrfMatches(presented)) {
                throw new ForbiddenResponse("This form has expired or did not come from WardWatch (missing or wrong CSRF token). "
                        + "Go back, reload the page and try again.");
            }
        }
        if (user != null) {
            ctx.attribute(Web.USER, user);
        } else if (!path.equals("/login")) {
            if (changes) throw new ForbiddenResponse("sign in first");
            String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
        }
    }

    /** A fresh session (on first visit to the sign-in page, and again on signing in, against fixation). */
    public Sessions.Session startSession(Context ctx, Long userId) {
        Sessions.Session s = sessions.create(userId);
        Cookie cookie = new Cookie(COOKIE, s.id(), "/", -1, secureCookies, 0, true, null, null, SameSite.LAX);
        ctx.cookie(cookie);
        ctx.attribute(Web.SESSION, s);
        return s;
    }

    public void endSession(Context ctx) {
        Sessions.Session s = Web.session(ctx);
        if (s != null) sessions.end(s.id());
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secureCookies, 0, true, null, null, SameSite.LAX));
    }

    private void api(Context ctx) {
        String auth = ctx.header("Authorization");
        Optional<User> user = Optional.empty();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) user = tokens.authenticate(auth.substring(7).strip());
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wardwatch\"");
            throw new UnauthorizedResponse("a valid API token is required: Authorization: Bearer TOKEN");
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
