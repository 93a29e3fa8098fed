package org.wardwatch.dashboard.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/**
 * The dashboard web server: Javalin with the guard in front of every request and the route groups
 * behind it. Every route declares its {@link Access} when registered (one without is refused here),
 * and the guard enforces it once the route has matched. Errors become a page (or JSON under /api/)
 * saying what went wrong in one line.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    /** A registered route and who may reach it. */
    public record Route(HandlerType method, String path, Set<Access> access) {
    }

    private final Javalin app;
    private final Views views;
    private final List<Route> routes = new ArrayList<>();

    public WebApp(Guard guard, Views views, List<Routes> groups) {
        this.views = views;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.events.handlerAdded(h -> {
                if (!h.getHttpMethod().isHttpMethod()) return;
                Set<Access> access = h.getRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
                if (access.isEmpty()) throw new IllegalStateException(h.getHttpMethod() + " " + h.getPath() + " declares no Access");
                routes.add(new Route(h.getHttpMethod(), h.getPath(), access));
            });
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/public";
                s.location = Location.CLASSPATH;
            });
            cfg.http.maxRequestSize = 6_000_000L;
        });
        app.before(guard::handle);
        app.beforeMatched(guard::authorise);
        app.get("/health", ctx -> ctx.result("ok"), Access.ANYONE);
        groups.forEach(r -> r.register(app));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), org.wardwatch.core.store.Redacted.of(e));
            error(ctx, 500, "Something went wrong on the server; the details are in the log.");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                error(ctx, 404, "There is no page here.");
            }
        });
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(java.util.Map.of("status", status, "error", message == null ? "" : message));
            return;
        }
        String title = switch (status) {
            case 401 -> "Sign in needed";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 429 -> "Too many attempts";
            default -> status >= 500 ? "Server error" : "Cannot do that";
        };
        Page page = Web.page(ctx, title, "");
        ctx.html(views.render("error.jte", java.util.Map.of("page", page, "status", status,
                "message", message == null ? "" : message)));
    }

    public WebApp start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    /** Every route the app serves, as registered: the security tests walk this list. */
    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    @Override
    public void close() {
        app.stop();
    }
}
