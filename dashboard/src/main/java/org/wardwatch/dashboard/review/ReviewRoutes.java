package org.wardwatch.dashboard.review;

import java.util.ArrayList;
import java.util.List;

import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.requests.RemovalRequests;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** The queue, the case page, decisions and the dismissals-per-signal page. */
public final class ReviewRoutes implements Routes {
    private final QueueStore queue;
    private final CaseStore cases;
    private final Decisions decisions;
    private final Misfires misfires;
    private final RemovalRequests requests;
    private final Views views;

    public ReviewRoutes(QueueStore queue, CaseStore cases, Decisions decisions, Misfires misfires,
                        RemovalRequests requests, Views views) {
        this.queue = queue;
        this.cases = cases;
        this.decisions = decisions;
        this.misfires = misfires;
        this.requests = requests;
        this.views = views;
    }

    @Override
    public void register(Javalin app) {
        app.get("/queue", this::queuePage, Access.CASES);
        app.post("/queue/bulk", this::bulk, Access.CASES);
        app.get("/cases/{id}", this::casePage, Access.CASES);
        app.post("/cases/{id}/decision", this::decide, Access.CASES);
        app.get("/signals", ctx -> {
            User u = Web.user(ctx);
            Web.render(ctx, views, "signals.jte", Web.page(ctx, "Dismissals by signal", "signals"),
                    "signals", misfires.bySignal(u.caseScope()), "reasons", Decisions.DISMISS_REASONS);
        }, Access.SIGNED_IN);
    }

    private void queuePage(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        QueueFilter filter = QueueFilter.parse(ctx::queryParam);
        QueuePage page = queue.page(filter, u.caseScope());
        Web.render(ctx, views, "queue.jte", Web.page(ctx, "Review queue", "queue"), "queue", page,
                "reasons", Decisions.DISMISS_REASONS);
    }

    private void bulk(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        List<Long> ids = new ArrayList<>();
        for (String s : ctx.formParams("ids")) {
            try {
                ids.add(Long.parseLong(s));
            } catch (NumberFormatException ignored) {
                // a tampered value names no case
            }
        }
        String back = "/queue" + (ctx.formParam("back") == null || ctx.formParam("back").isBlank() ? "" : "?" + ctx.formParam("back"));
        Decisions.Action action = action(ctx.formParam("action"));
        if (ids.isEmpty() || action == null) {
            Web.flash(ctx, ids.isEmpty() ? "Select at least one case." : "Choose an action.");
            ctx.redirect(back);
            return;
        }
        try {
            int n = decisions.apply(u, action, ids, ctx.formParam("reason"));
            Web.flash(ctx, n + " of " + ids.size() + " cases " + past(action) + ".");
        } catch (IllegalArgumentException e) {
            Web.flash(ctx, e.getMessage().substring(0, 1).toUpperCase() + e.getMessage().substring(1) + ".");
        }
        ctx.redirect(back);
    }

    private void casePage(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        long id = Web.pathId(ctx, "id");
        Long org = cases.organisationOf(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
        Web.require(u.mayReview(org));
        CaseDetail c = cases.find(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
        Web.render(ctx, views, "case.jte", Web.page(ctx, "Case " + id, "queue"), "c", c,
                "reasons", Decisions.DISMISS_REASONS, "mayReveal", u.mayReveal(org));
    }

    private void decide(Context ctx) {
        User u = Web.user(ctx);
        long id = Web.pathId(ctx, "id");
        Long org = cases.organisationOf(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
        Web.require(u.mayReview(org));
        Decisions.Action action = action(ctx.formParam("action"));
        if (action == null) {
            Web.flash(ctx, "Choose an action.");
        } else {
            try {
                int n = decisions.apply(u, action, List.of(id), ctx.formParam("reason"));
                Web.flash(ctx, n == 1 ? "Case " + id + " " + past(action) + "." : "Case " + id + " was already decided; nothing changed.");
            } catch (IllegalArgumentException e) {
                Web.flash(ctx, e.getMessage().substring(0, 1).toUpperCase() + e.getMessage().substring(1) + ".");
            }
        }
        ctx.redirect("/cases/" + id);
    }

    private static Decisions.Action action(String s) {
        if (s == null) return null;
        return switch (s) {
            case "confirm" -> Decisions.Action.CONFIRM;
            case "dismiss" -> Decisions.Action.DISMISS;
            case "reopen" -> Decisions.Action.REOPEN;
            default -> null;
        };
    }

    private static String past(Decisions.Action a) {
        return switch (a) {
            case CONFIRM -> "confirmed";
            case DISMISS -> "dismissed";
            case REOPEN -> "reopened";
        };
    }
}
