package org.wardwatch.dashboard.web;

import java.util.HashMap;
import java.util.Map;

import org.wardwatch.dashboard.auth.Sessions;
import org.wardwatch.dashboard.auth.User;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

/** The per-request helpers every route uses: who is signed in, the page frame, rendering. */
public final class Web {
    static final String USER = "ww.user";
    static final String SESSION = "ww.session";
    static final String SIGN_IN_TOKEN = "ww.signInToken";

    private Web() {
    }

    public static User user(Context ctx) {
        User u = ctx.attribute(USER);
        if (u == null) throw new ForbiddenResponse("sign in first");
        return u;
    }

    public static User userOrNull(Context ctx) {
        return ctx.attribute(USER);
    }

    public static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    public static Page page(Context ctx, String title, String nav) {
        Sessions.Session s = session(ctx);
        String csrf = s != null ? s.csrf() : ctx.attribute(SIGN_IN_TOKEN);
        return new Page(title, userOrNull(ctx), csrf == null ? "" : csrf, nav, s == null ? null : s.takeFlash(), null);
    }

    /** The sign-in form's token for a visitor without a session ({@link Guard#signInToken}). */
    public static void useSignInToken(Context ctx, String token) {
        ctx.attribute(SIGN_IN_TOKEN, token);
    }

    public static void flash(Context ctx, String message) {
        Sessions.Session s = session(ctx);
        if (s != null) s.flash(message);
    }

    public static void render(Context ctx, Views views, String template, Page page, Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i + 1 < keyValues.length; i += 2) params.put((String) keyValues[i], keyValues[i + 1]);
        ctx.html(views.render(template, params));
    }

    public static long pathId(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such " + name);
        }
    }

    public static void require(boolean allowed) {
        if (!allowed) throw new ForbiddenResponse("not allowed for your role");
    }
}
