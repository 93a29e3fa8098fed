package org.wardwatch.dashboard.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.digest.Digest;
import org.wardwatch.core.digest.DigestOrganisation;
import org.wardwatch.core.digest.DigestSchedule;
import org.wardwatch.core.digest.DigestSender;
import org.wardwatch.core.digest.IsoWeek;
import org.wardwatch.core.digest.RenderedDigest;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The digest admin page: a preview of the next weekly digest of any organisation (or of any week),
 * and what was sent to whom and when. Admins only; it reads, it never sends.
 */
public final class DigestRoutes implements Routes {
    /** How many sent digests the page lists. */
    static final int HISTORY = 200;

    private final DigestSender sender;
    private final WardWatchConfig.Digest config;
    private final Views views;
    private final Clock clock;

    public DigestRoutes(DigestSender sender, WardWatchConfig.Digest config, Views views, Clock clock) {
        this.sender = sender;
        this.config = config;
        this.views = views;
        this.clock = clock;
    }

    /** What one organisation's digest would say, and to whom it would go. */
    public record Preview(DigestOrganisation organisation, List<String> recipients, RenderedDigest rendered,
                          boolean empty, boolean sent) {
    }

    @Override
    public void register(Javalin app) {
        app.get("/admin/digest", ctx -> {
            User u = Web.user(ctx);
            Web.require(u.isAdmin());
            List<DigestOrganisation> organisations = sender.builder().organisations();
            IsoWeek next = nextWeek();
            IsoWeek week = week(ctx, next);
            DigestOrganisation org = organisation(ctx, organisations);
            Preview preview = org == null ? null : preview(org, week);
            Web.render(ctx, views, "digest-admin.jte", Web.page(ctx, "Weekly digest", "digest"),
                    "organisations", organisations, "selected", org, "week", week, "next", next, "preview", preview,
                    "sendEmpty", config.sendEmpty(), "schedule", config.cron() + " (" + config.zone() + ")",
                    "history", sender.ledger().history(null, HISTORY));
        }, Access.ADMIN);
        // the HTML part exactly as mail clients get it, on its own page: its inline styles need a looser policy
        app.get("/admin/digest/email.html", ctx -> {
            User u = Web.user(ctx);
            Web.require(u.isAdmin());
            DigestOrganisation org = organisation(ctx, sender.builder().organisations());
            if (org == null) throw new NotFoundResponse("no organisation in the registry");
            RenderedDigest rendered = sender.renderer().render(sender.builder().build(org, week(ctx, nextWeek())));
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; "
                    + "base-uri 'none'; frame-ancestors 'none'");
            ctx.html(rendered.html());
        }, Access.ADMIN);
    }

    /** The week the next scheduled run reports on: the last complete week before its fire time. */
    IsoWeek nextWeek() {
        Instant now = clock.instant();
        Date fire = DigestSchedule.trigger(config).getFireTimeAfter(Date.from(now));
        return IsoWeek.lastCompleteBefore(fire == null ? now : fire.toInstant(), sender.builder().zone());
    }

    private Preview preview(DigestOrganisation org, IsoWeek week) {
        Digest digest = sender.builder().build(org, week);
        List<String> recipients = sender.recipients(org);
        boolean sent = !recipients.isEmpty() && recipients.stream().allMatch(r ->
                sender.ledger().find(org.id(), r, week).map(d -> "sent".equals(d.status())).orElse(false));
        return new Preview(org, recipients, sender.renderer().render(digest), digest.isEmpty(), sent);
    }

    private static IsoWeek week(Context ctx, IsoWeek fallback) {
        String w = ctx.queryParam("week");
        if (w == null || w.isBlank()) return fallback;
        try {
            return IsoWeek.parse(w);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private static DigestOrganisation organisation(Context ctx, List<DigestOrganisation> organisations) {
        String ods = ctx.queryParam("org");
        if (ods == null || ods.isBlank()) return organisations.isEmpty() ? null : organisations.get(0);
        return organisations.stream().filter(o -> o.odsCode().equalsIgnoreCase(ods.strip())).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no organisation with ODS code " + ods));
    }
}
