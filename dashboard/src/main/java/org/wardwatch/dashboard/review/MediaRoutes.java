package org.wardwatch.dashboard.review;

import java.util.Base64;

import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Images: the blurred rendition for anyone who may see the case, and the original behind a content
 * warning for reviewers of the case's organisation. The original is shown only inside the answer to
 * the (CSRF-protected, audited) reveal form, never at a URL that could be bookmarked or shared, and
 * only as a re-encoded rendition: an image that cannot be decoded is not revealed at all.
 */
public final class MediaRoutes implements Routes {
    private final CaseStore cases;
    private final Images images;
    private final AuditLog audit;
    private final Views views;

    public MediaRoutes(CaseStore cases, Images images, AuditLog audit, Views views) {
        this.cases = cases;
        this.images = images;
        this.audit = audit;
        this.views = views;
    }

    @Override
    public void register(Javalin app) {
        app.get("/media/{id}/blurred", this::blurred, Access.CASES);
        app.get("/media/{id}/reveal", this::warning, Access.CASES);
        app.post("/media/{id}/reveal", this::reveal, Access.CASES);
    }

    private CaseStore.MediaOwner owner(Context ctx) {
        long id = Web.pathId(ctx, "id");
        return cases.ownerOfMedia(id).orElseThrow(() -> new NotFoundResponse("no image " + id));
    }

    private void blurred(Context ctx) {
        User u = Web.user(ctx);
        CaseStore.MediaOwner m = owner(ctx);
        Web.require(u.mayReview(m.organisationId()));
        int width = "thumb".equals(ctx.queryParam("size")) ? 240 : 1000;
        ctx.header("Cache-Control", "private, max-age=600");
        var bytes = images.blurred(m, width);
        if (bytes.isPresent()) {
            ctx.contentType("image/jpeg").result(bytes.get());
        } else {
            ctx.contentType("image/svg+xml").result(Images.placeholderSvg(m.available() ? "image hidden" : "image not held"));
        }
    }

    private void warning(Context ctx) {
        User u = Web.user(ctx);
        CaseStore.MediaOwner m = owner(ctx);
        Web.require(u.mayReveal(m.organisationId()));
        Web.render(ctx, views, "reveal.jte", Web.page(ctx, "Content warning", "queue"), "media", m, "image", null,
                "failure", null);
    }

    private void reveal(Context ctx) {
        User u = Web.user(ctx);
        CaseStore.MediaOwner m = owner(ctx);
        Web.require(u.mayReveal(m.organisationId()));
        if (!m.available()) throw new NotFoundResponse("the original of this image is no longer held");
        byte[] shown;
        try {
            shown = images.revealed(m);
        } catch (Images.Unrevealable e) {
            audit.record(u.username(), "reveal_failed", "case", m.caseId(), m.organisationId(),
                    "original of image " + m.mediaId() + ": " + e.getMessage());
            ctx.status(422);
            Web.render(ctx, views, "reveal.jte", Web.page(ctx, "Image not revealed", "queue"), "media", m, "image", null,
                    "failure", "The original cannot be shown: " + e.getMessage() + ".");
            return;
        }
        audit.record(u.username(), "reveal", "case", m.caseId(), m.organisationId(), "original of image " + m.mediaId());
        String dataUri = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(shown);
        Web.render(ctx, views, "reveal.jte", Web.page(ctx, "Original image", "queue"), "media", m, "image", dataUri,
                "failure", null);
    }
}
