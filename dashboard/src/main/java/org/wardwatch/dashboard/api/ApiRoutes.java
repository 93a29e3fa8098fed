package org.wardwatch.dashboard.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.audit.AuditRoutes;
import org.wardwatch.dashboard.audit.ProviderAudit;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.requests.RequestStatus;
import org.wardwatch.dashboard.requests.RequestStore;
import org.wardwatch.dashboard.review.CaseDetail;
import org.wardwatch.dashboard.review.CaseStore;
import org.wardwatch.dashboard.review.QueueFilter;
import org.wardwatch.dashboard.review.QueuePage;
import org.wardwatch.dashboard.review.QueueStore;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The JSON API: the same data and the same permissions as the pages, for a bearer token. Case
 * endpoints never carry image bytes.
 */
public final class ApiRoutes implements Routes {
    private final QueueStore queue;
    private final CaseStore cases;
    private final RequestStore requests;
    private final ProviderAudit providers;
    private final AuditLog audit;

    public ApiRoutes(QueueStore queue, CaseStore cases, RequestStore requests, ProviderAudit providers, AuditLog audit) {
        this.queue = queue;
        this.cases = cases;
        this.requests = requests;
        this.providers = providers;
        this.audit = audit;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/cases", this::caseList, Access.CASES);
        app.get("/api/cases/{id}", this::caseDetail, Access.CASES);
        app.get("/api/requests", this::requestList, Access.CASES);
        app.get("/api/audit", this::auditFigures, Access.FIGURES);
    }

    private void caseList(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        QueueFilter filter = QueueFilter.parse(ctx::queryParam);
        QueuePage page = queue.page(filter, u.caseScope());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("page", filter.page());
        out.put("pageSize", QueueFilter.PAGE_SIZE);
        Map<String, Long> counts = new LinkedHashMap<>();
        page.counts().forEach((s, n) -> counts.put(s.id(), n));
        out.put("counts", counts);
        out.put("cases", page.rows().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.caseId());
            m.put("risk", r.risk());
            m.put("status", r.status().id());
            m.put("organisation", r.organisationName());
            m.put("account", r.accountName());
            m.put("accountKind", r.accountKind());
            m.put("platform", r.platform());
            m.put("postedAt", r.postedAt());
            m.put("signals", r.signals());
            m.put("reasons", r.reasons());
            if (r.dismissReason() != null) m.put("dismissReason", r.dismissReason());
            return m;
        }).toList());
        ctx.json(out);
    }

    private void caseDetail(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        long id = Web.pathId(ctx, "id");
        Long org = cases.organisationOf(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
        Web.require(u.mayReview(org));
        CaseDetail c = cases.find(id).orElseThrow(() -> new NotFoundResponse("no case " + id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("risk", c.risk());
        m.put("status", c.status().id());
        m.put("dismissReason", c.dismissReason());
        m.put("decidedBy", c.decidedBy());
        m.put("decidedAt", c.decidedAt());
        m.put("createdAt", c.createdAt());
        m.put("organisation", Map.of("name", c.organisation().name(), "odsCode", c.organisation().odsCode()));
        m.put("account", Map.of("name", c.account().name(), "kind", c.account().kind(), "platform", c.account().platform()));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("permalink", c.post().permalink());
        post.put("status", c.post().status());
        post.put("publishedAt", c.post().publishedAt());
        post.put("firstSeenAt", c.post().firstSeenAt());
        post.put("editedAt", c.post().editedAt());
        post.put("deletedAt", c.post().deletedAt());
        post.put("caption", c.post().text());
        post.put("bidiControls", c.post().bidiControls());
        m.put("post", post);
        m.put("signals", c.signals());
        m.put("reasons", c.reasons());
        m.put("findings", c.findings().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source", f.source());
            x.put("type", f.type());
            x.put("score", f.score());
            if (f.text() != null) x.put("text", f.text());
            if (f.start() != null) x.put("start", f.start());
            if (f.end() != null) x.put("end", f.end());
            if (f.hasBox()) x.put("box", Map.of("x", f.x(), "y", f.y(), "w", f.w(), "h", f.h(), "media", f.mediaId()));
            return x;
        }).toList());
        m.put("timeline", c.timeline().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", t.at());
            x.put("what", t.what());
            if (t.who() != null) x.put("who", t.who());
            if (t.detail() != null) x.put("detail", t.detail());
            return x;
        }).toList());
        m.put("requests", c.requests().stream().map(ApiRoutes::request).toList());
        ctx.json(m);
    }

    private void requestList(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesCases());
        requests.markOverdue();
        RequestStatus status = RequestStatus.parse(ctx.queryParam("status")).orElse(null);
        ctx.json(Map.of("requests", requests.list(u.caseScope(), status, 1000).stream().map(ApiRoutes::request).toList()));
    }

    private void auditFigures(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.seesProviderAudit());
        AuditRoutes.Period p = new AuditRoutes.Period(null, null, null);
        String org = ctx.queryParam("org");
        try {
            p = new AuditRoutes.Period(org == null || org.isBlank() ? null : Long.parseLong(org),
                    ctx.queryParam("from") == null ? null : java.time.YearMonth.parse(ctx.queryParam("from")),
                    ctx.queryParam("to") == null ? null : java.time.YearMonth.parse(ctx.queryParam("to")));
        } catch (RuntimeException e) {
            throw new io.javalin.http.BadRequestResponse("org must be a number, from and to months like 2026-01");
        }
        ProviderAudit.Report report = providers.report(p.organisationId(), p.from(), p.to());
        audit.record(u.username(), "export", "provider_audit", null, p.organisationId(), "provider audit via API");
        List<Map<String, Object>> rows = report.rows().stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("organisation", r.organisation());
            x.put("odsCode", r.odsCode());
            x.put("month", r.month().toString());
            x.put("flagged", r.flagged());
            x.put("confirmed", r.confirmed());
            x.put("removed", r.removed());
            x.put("medianDaysToRemoval", r.medianDaysToRemoval());
            x.put("stillLive", r.stillLive());
            return x;
        }).toList();
        ctx.json(Map.of("rows", rows));
    }

    private static Map<String, Object> request(org.wardwatch.dashboard.requests.RemovalRequest r) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", r.id());
        x.put("case", r.caseId());
        x.put("account", r.accountName());
        x.put("recipient", r.recipient());
        x.put("status", r.status().id());
        x.put("dueAt", r.dueAt());
        x.put("raisedBy", r.raisedBy());
        x.put("raisedAt", r.raisedAt());
        x.put("sentAt", r.sentAt());
        x.put("acknowledgedAt", r.acknowledgedAt());
        x.put("removedAt", r.removedAt());
        return x;
    }
}
