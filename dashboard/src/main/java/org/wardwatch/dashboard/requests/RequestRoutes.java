package org.wardwatch.dashboard.requests;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.wardwatch.core.mail.MailException;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.review.CaseDetail;
import org.wardwatch.dashboard.web.Page;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** Raising a removal request from a confirmed case, sending it, and following it. */
public final class RequestRoutes implements Routes {
    private final RemovalRequests requests;
    private final Views views;

    public RequestRoutes(RemovalRequests requests, Views views) {
        this.requests = requests;
        this.views = views;
    }

    @Override
    public void register(Javalin app) {
        app.get("/cases/{id}/requests/new", this::newForm, Access.CASES);
        app.post("/cases/{id}/requests", this::raise, Access.CASES);
        app.get("/requests", this::list, Access.CASES);
        app.get("/requests/{id}", this::show, Access.CASES);
        app.post("/requests/{id}/send", ctx -> act(ctx, "send"), Access.CASES);
        app.post("/requests/{id}/sent", ctx -> act(ctx, "sent"), Access.CASES);
        app.post("/requests/{id}/acknowledge", ctx -> act(ctx, "acknowledge"), Access.CASES);
        app.post("/requests/{id}/refuse", ctx -> act(ctx, "refuse"), Access.CASES);
    }

    private CaseDetail reviewableCase(Context ctx, User u) {
        Web.require(u.seesCases());
        long id = Web.pathId(ctx, "id");
        Long org = requests.cases().organisationOf(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
        Web.require(u.mayReview(org));
        return requests.cases().find(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
    }

    private void newForm(Context ctx) {
        User u = Web.user(ctx);
        CaseDetail c = reviewableCase(ctx, u);
        RequestTemplate.Draft d = requests.draft(c, u);
        Page page = Web.page(ctx, "Removal request for case " + c.id(), "requests");
        if (!c.confirmed()) page = page.withError("Confirm the case before raising a removal request.");
        Web.render(ctx, views, "request-new.jte", page, "c", c, "draft", d);
    }

    private void raise(Context ctx) {
        User u = Web.user(ctx);
        CaseDetail c = reviewableCase(ctx, u);
        String recipient = ctx.formParam("recipient");
        String subject = ctx.formParam("subject");
        String body = ctx.formParam("body");
        LocalDate due;
        try {
            due = LocalDate.parse(String.valueOf(ctx.formParam("due")));
        } catch (DateTimeParseException e) {
            due = null;
        }
        try {
            long id = requests.raise(u, c, recipient, subject, body, due);
            Web.flash(ctx, "Request #" + id + " raised. Send it by email, or copy it and mark it as sent.");
            ctx.redirect("/requests/" + id);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Page page = Web.page(ctx, "Removal request for case " + c.id(), "requests").withError(e.getMessage());
            Web.render(ctx, views, "request-new.jte", page, "c", c, "draft", new RequestTemplate.Draft(
                    recipient == null ? "" : recipient, subject == null ? "" : subject, body == null ? "" : body,
                    due == null ? requests.defaultDue() : due));
        }
    }

    private void list(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        requests.store().markOverdue();
        RequestStatus status = RequestStatus.parse(ctx.queryParam("status")).orElse(null);
        Web.render(ctx, views, "requests.jte", Web.page(ctx, "Removal requests", "requests"),
                "requests", requests.store().list(u.caseScope(), status, 500),
                "counts", requests.store().counts(u.caseScope()), "status", status);
    }

    private RemovalRequest reviewableRequest(Context ctx, User u) {
        Web.require(u.seesCases());
        long id = Web.pathId(ctx, "id");
        RemovalRequest r = requests.store().byId(id).orElseThrow(() -> new NotFoundResponse("no request " + id));
        Web.require(u.mayReview(r.organisationId()));
        return r;
    }

    private void show(Context ctx) {
        User u = Web.user(ctx);
        requests.store().markOverdue();
        RemovalRequest r = reviewableRequest(ctx, u);
        Web.render(ctx, views, "request.jte", Web.page(ctx, "Removal request #" + r.id(), "requests"), "r", r);
    }

    private void act(Context ctx, String what) {
        User u = Web.user(ctx);
        RemovalRequest r = reviewableRequest(ctx, u);
        String note = ctx.formParam("note");
        try {
            switch (what) {
                case "send" -> {
                    requests.sendByEmail(u, r);
                    Web.flash(ctx, "Request #" + r.id() + " emailed to " + r.recipient() + ".");
                }
                case "sent" -> {
                    requests.markSentByHand(u, r);
                    Web.flash(ctx, "Request #" + r.id() + " marked as sent.");
                }
                case "acknowledge" -> {
                    requests.acknowledge(u, r, note);
                    Web.flash(ctx, "Request #" + r.id() + " acknowledged by the owner.");
                }
                default -> {
                    requests.refuse(u, r, note);
                    Web.flash(ctx, "Request #" + r.id() + " marked as refused.");
                }
            }
        } catch (MailException e) {
            Web.flash(ctx, "Not sent: " + e.getMessage() + ". The request is still raised; try again or copy it.");
        } catch (IllegalArgumentException e) {
            Web.flash(ctx, e.getMessage().substring(0, 1).toUpperCase() + e.getMessage().substring(1) + ".");
        }
        ctx.redirect("/requests/" + r.id());
    }
}
