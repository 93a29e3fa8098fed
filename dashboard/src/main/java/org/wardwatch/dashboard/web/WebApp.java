package org.wardwatch.dashboard.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/**
 * The dashboard web server: Javalin with the guard in front of every request and the route groups
 * behind it. Errors become a page (or JSON under /api/) saying what went wrong in one line.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    private final Javalin app;
    private final Views views;

    public WebApp(Guard guard, Views views, List<Routes> routes) {
        this.views = views;
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/public";
                s.location = Location.CLASSPATH;
            });
            cfg.http.maxRequestSize = 6_000_000L;
        });
        app.before(guard::handle);
        app.get("/health", ctx -> ctx.result("ok"));
        routes.forEach(r -> r.register(app));
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

    @Override
    public void close() {
        app.stop();
    }
}
