package org.wardwatch.dashboard.audit;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;

/** The provider audit (figures only) for auditors and admins, its CSV export, and the audit log for admins. */
public final class AuditRoutes implements Routes {
    private final ProviderAudit providers;
    private final AuditLog audit;
    private final Views views;

    public AuditRoutes(ProviderAudit providers, AuditLog audit, Views views) {
        this.providers = providers;
        this.audit = audit;
        this.views = views;
    }

    public record Period(Long organisationId, YearMonth from, YearMonth to) {
        public String query() {
            StringBuilder q = new StringBuilder();
            if (organisationId != null) q.append("org=").append(organisationId);
            if (from != null) q.append(q.isEmpty() ? "" : "&").append("from=").append(from);
            if (to != null) q.append(q.isEmpty() ? "" : "&").append("to=").append(to);
            return q.toString();
        }
    }

    @Override
    public void register(Javalin app) {
        app.get("/providers", ctx -> {
            User u = Web.user(ctx);
            Web.require(u.seesProviderAudit());
            Period p = period(ctx);
            ProviderAudit.Report report = providers.report(p.organisationId(), p.from(), p.to());
            Web.render(ctx, views, "providers.jte", Web.page(ctx, "Provider audit", "providers"),
                    "report", report, "period", p, "chart", SvgChart.monthly(report.byMonth()));
        }, Access.FIGURES);
        app.get("/providers.csv", ctx -> {
            User u = Web.user(ctx);
            Web.require(u.seesProviderAudit());
            Period p = period(ctx);
            ProviderAudit.Report report = providers.report(p.organisationId(), p.from(), p.to());
            audit.record(u.username(), "export", "provider_audit", null, p.organisationId(),
                    "provider audit CSV, " + report.rows().size() + " rows" + (p.query().isEmpty() ? "" : ", " + p.query()));
            ctx.header("Content-Disposition", "attachment; filename=\"wardwatch-provider-audit.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ProviderAudit.csv(report));
        }, Access.FIGURES);
        app.get("/admin/audit", ctx -> {
            User u = Web.user(ctx);
            Web.require(u.isAdmin());
            int page = 0;
            try {
                page = Math.max(0, Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("0")));
            } catch (NumberFormatException ignored) {
                // first page
            }
            String action = ctx.queryParam("action");
            String actor = ctx.queryParam("actor");
            var events = audit.page(action, actor, page);
            boolean more = events.size() > AuditLog.PAGE_SIZE;
            Web.render(ctx, views, "audit-log.jte", Web.page(ctx, "Audit log", "audit"),
                    "events", more ? events.subList(0, AuditLog.PAGE_SIZE) : events, "more", more, "pageNo", page,
                    "action", action == null ? "" : action, "actor", actor == null ? "" : actor, "actions", audit.actions());
        }, Access.ADMIN);
    }

    static Period period(Context ctx) {
        Long org = null;
        try {
            String o = ctx.queryParam("org");
            if (o != null && !o.isBlank()) org = Long.parseLong(o);
        } catch (NumberFormatException ignored) {
            // every organisation
        }
        return new Period(org, month(ctx.queryParam("from")), month(ctx.queryParam("to")));
    }

    private static YearMonth month(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return YearMonth.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
