package org.wardwatch.dashboard.accounts;

import java.nio.charset.StandardCharsets;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.dashboard.audit.AuditLog;
import org.wardwatch.dashboard.auth.User;
import org.wardwatch.dashboard.web.Page;
import org.wardwatch.dashboard.web.Access;
import org.wardwatch.dashboard.web.Routes;
import org.wardwatch.dashboard.web.Views;
import org.wardwatch.dashboard.web.Web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** The account registry with crawl health, for admins: add, edit, deactivate, import a CSV. */
public final class AccountRoutes implements Routes {
    /** Imports a registry CSV and says what changed, or throws with the file's line-numbered problems. */
    public interface Importer {
        String importCsv(String text, String fileName) throws Exception;
    }

    private final AccountStore accounts;
    private final Importer importer;
    private final Runnable registryChanged;
    private final AuditLog audit;
    private final Views views;

    /** @param registryChanged told after every change, so a running schedule follows the registry */
    public AccountRoutes(AccountStore accounts, Importer importer, Runnable registryChanged, AuditLog audit, Views views) {
        this.accounts = accounts;
        this.importer = importer;
        this.registryChanged = registryChanged;
        this.audit = audit;
        this.views = views;
    }

    @Override
    public void register(Javalin app) {
        app.get("/accounts", ctx -> {
            admin(ctx);
            Long org = null;
            try {
                if (ctx.queryParam("org") != null && !ctx.queryParam("org").isBlank()) org = Long.parseLong(ctx.queryParam("org"));
            } catch (NumberFormatException ignored) {
                // every organisation
            }
            String health = ctx.queryParam("health");
            Web.render(ctx, views, "accounts.jte", Web.page(ctx, "Accounts and crawl health", "accounts"),
                    "accounts", accounts.list(org, health), "organisations", accounts.organisations(),
                    "orgId", org, "health", health == null ? "" : health);
        }, Access.ADMIN);
        app.get("/accounts/new", ctx -> {
            admin(ctx);
            form(ctx, Web.page(ctx, "Add an account", "accounts"), null, AccountForm.empty());
        }, Access.ADMIN);
        app.post("/accounts", ctx -> save(ctx, null), Access.ADMIN);
        app.get("/accounts/{id}", ctx -> {
            admin(ctx);
            AccountRow a = accounts.byId(Web.pathId(ctx, "id")).orElseThrow(() -> new NotFoundResponse("no such account"));
            form(ctx, Web.page(ctx, "Edit " + a.name(), "accounts"), a.id(), AccountForm.of(a));
        }, Access.ADMIN);
        app.post("/accounts/{id}", ctx -> save(ctx, Web.pathId(ctx, "id")), Access.ADMIN);
        app.post("/accounts/{id}/active", ctx -> {
            User u = admin(ctx);
            long id = Web.pathId(ctx, "id");
            AccountRow a = accounts.byId(id).orElseThrow(() -> new NotFoundResponse("no such account"));
            boolean active = "true".equals(ctx.formParam("active"));
            accounts.setActive(id, active);
            registryChanged.run();
            audit.record(u.username(), active ? "account_activated" : "account_deactivated", "account", id,
                    a.organisationId(), a.platform() + " " + a.handle());
            Web.flash(ctx, a.name() + " (" + a.platform() + ") " + (active ? "reactivated" : "deactivated: it will not be crawled") + ".");
            ctx.redirect("/accounts");
        }, Access.ADMIN);
        app.post("/accounts/import", ctx -> {
            User u = admin(ctx);
            var file = ctx.uploadedFile("file");
            if (file == null || file.size() == 0) {
                Web.flash(ctx, "Choose a CSV file to import.");
                ctx.redirect("/accounts");
                return;
            }
            if (file.size() > 5_000_000) {
                Web.flash(ctx, file.filename() + ": larger than 5 MB, not imported.");
                ctx.redirect("/accounts");
                return;
            }
            String text = new String(file.content().readAllBytes(), StandardCharsets.UTF_8);
            try {
                String summary = importer.importCsv(text, file.filename());
                registryChanged.run();
                audit.record(u.username(), "accounts_imported", "account", null, null, file.filename() + ": " + summary);
                Web.flash(ctx, "Imported " + file.filename() + ": " + summary);
            } catch (Exception e) {
                Web.flash(ctx, "Not imported: " + oneLine(e));
            }
            ctx.redirect("/accounts");
        }, Access.ADMIN);
    }

    private User admin(Context ctx) {
        User u = Web.user(ctx);
        Web.require(u.isAdmin());
        return u;
    }

    private void form(Context ctx, Page page, Long id, AccountForm form) {
        Web.render(ctx, views, "account-form.jte", page, "id", id, "form", form,
                "organisations", accounts.organisations(), "kinds", AccountKind.values(), "platforms", Platform.values());
    }

    private void save(Context ctx, Long id) {
        User u = admin(ctx);
        AccountForm form = AccountForm.from(ctx::formParam);
        try {
            Account a = form.toAccount();
            String contact = form.contactEmail().isBlank() ? null : form.contactEmail().strip();
            if (contact != null && !contact.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("the contact must be an email address");
            }
            long saved;
            if (id == null) {
                saved = accounts.add(a, contact);
                audit.record(u.username(), "account_added", "account", saved, null, a.platform().id() + " " + a.handle());
            } else {
                accounts.byId(id).orElseThrow(() -> new NotFoundResponse("no such account"));
                accounts.update(id, a, contact);
                saved = id;
                audit.record(u.username(), "account_edited", "account", id, null, a.platform().id() + " " + a.handle());
            }
            registryChanged.run();
            Web.flash(ctx, a.name() + " (" + a.platform().id() + ") saved.");
            ctx.redirect("/accounts?org=" + accounts.byId(saved).map(AccountRow::organisationId).orElse(0L));
        } catch (IllegalArgumentException | NullPointerException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            form(ctx, Web.page(ctx, id == null ? "Add an account" : "Edit account", "accounts").withError(oneLine(e)), id, form);
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** The account form's fields as typed, so a rejected form comes back as it was. */
    public record AccountForm(String organisation, String name, String kind, String serviceType, String platform,
                              String handle, String baseUrl, String contactEmail, String monitoringBasis, boolean active) {
        static AccountForm empty() {
            return new AccountForm("", "", "ward", "", "mastodon", "", "", "", "", true);
        }

        static AccountForm of(AccountRow a) {
            return new AccountForm(a.odsCode(), a.name(), a.kind(), n(a.serviceType()), a.platform(), a.handle(),
                    n(a.baseUrl()), n(a.contactEmail()), "", a.active());
        }

        static AccountForm from(java.util.function.Function<String, String> p) {
            return new AccountForm(n(p.apply("organisation")), n(p.apply("name")), n(p.apply("kind")),
                    n(p.apply("serviceType")), n(p.apply("platform")), n(p.apply("handle")), n(p.apply("baseUrl")),
                    n(p.apply("contactEmail")), n(p.apply("monitoringBasis")), "true".equals(p.apply("active")));
        }

        Account toAccount() {
            AccountKind k = AccountKind.parse(kind).orElseThrow(() ->
                    new IllegalArgumentException("kind must be one of " + AccountKind.names()));
            Platform pl = Platform.parse(platform).orElseThrow(() ->
                    new IllegalArgumentException("platform must be one of " + Platform.names()));
            if (organisation.isBlank()) throw new IllegalArgumentException("choose the organisation");
            if (handle.isBlank()) throw new IllegalArgumentException("the handle is required");
            if (k == AccountKind.STAFF && monitoringBasis.isBlank()) {
                throw new IllegalArgumentException("a staff account needs its monitoring basis (for example the consent on record)");
            }
            return new Account(null, organisation.strip(), name, k, serviceType, pl, handle.strip(), baseUrl, active,
                    monitoringBasis);
        }

        private static String n(String s) {
            return s == null ? "" : s;
        }
    }
}
