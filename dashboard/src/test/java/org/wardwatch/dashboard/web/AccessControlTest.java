package org.wardwatch.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/**
 * Every route the app registers, asked by everyone: a visitor who is not signed in, an admin, a
 * reviewer of trust A, a reviewer of trust B, an auditor, a user disabled while signed in, and on the
 * API the tokens of each role plus an expired, a revoked and a disabled user's token. The routes come
 * from the app itself ({@link WebApp#routes()}): a route added without a line here fails the test.
 * The auditor must never reach a case, an image or a request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
    /** Redirected to the sign-in page. */
    static final String SIGN_IN = "L";
    /** Past the access check: anything but 401, 403 or a redirect to sign in (a POST to an id that does not exist gives 404). */
    static final String PASSES = "A";
    static final String[] PAGE_USERS = {"anonymous", "admin", "reviewer", "reviewer-b", "auditor", "disabled"};
    static final String[] API_USERS = {"admin", "reviewer", "reviewer-b", "auditor", "expired", "revoked", "disabled", "none"};

    /** One route, a concrete request to it, and what each user gets, in the order of PAGE_USERS or API_USERS. */
    record Row(String method, String pattern, String path, String... expected) {
        String route() {
            return method + " " + pattern;
        }
    }

    TestDashboard d;
    long requestA;
    Browserless[] pageUsers;
    String[] apiTokens;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
        var admin = d.app.users().byName("admin").orElseThrow();
        // a request on trust A's case, so request pages exist
        d.app.database().jdbi().useHandle(h -> h.execute("UPDATE cases SET status = 'confirmed'"));
        requestA = d.app.requestStore().create(d.caseA, "comms@northmoor.nhs.uk", "s", "b", java.time.Instant.now().plusSeconds(86400), admin.username());
        for (String name : List.of("disabled", "expired", "revoked")) d.app.users().add(name, TestDashboard.PASSWORD, Role.ADMIN, null);

        Browserless disabled = d.signedIn("disabled");
        String disabledToken = d.app.apiTokens().issue("disabled");
        d.app.users().setActive(d.app.users().byName("disabled").orElseThrow().id(), false);
        String expired = d.app.apiTokens().issue("expired");
        d.app.database().jdbi().useHandle(h -> h.execute("UPDATE api_tokens SET expires_at = created_at - INTERVAL '1' DAY "
                + "WHERE user_id = (SELECT id FROM users WHERE username = 'expired')"));
        String revoked = d.app.apiTokens().issue("revoked");
        d.app.apiTokens().revokeAll(d.app.users().byName("revoked").orElseThrow().id());

        pageUsers = new Browserless[] {new Browserless(d.base()), d.signedIn("admin"), d.signedIn("reviewer"), d.signedIn("reviewer-b"),
                d.signedIn("auditor"), disabled};
        apiTokens = new String[] {d.app.apiTokens().issue("admin"), d.app.apiTokens().issue("reviewer"), d.app.apiTokens().issue("reviewer-b"),
                d.app.apiTokens().issue("auditor"), expired, revoked, disabledToken, null};
    }

    @AfterAll
    void stop() {
        d.close();
    }

    private List<Row> pages() {
        long cA = d.caseA, mA = d.mediaA;
        return List.of(
                new Row("GET", "/", "/", SIGN_IN, "302", "302", "302", "302", SIGN_IN),
                new Row("GET", "/login", "/login", "200", "302", "302", "302", "302", "200"),
                new Row("GET", "/health", "/health", "200", "200", "200", "200", "200", "200"),
                new Row("GET", "/queue", "/queue?status=all&signal=FACE&kind=ward&platform=mastodon&from=2020-01-01&to=2099-01-01",
                        SIGN_IN, "200", "200", "200", "403", SIGN_IN),
                new Row("GET", "/cases/{id}", "/cases/" + cA, SIGN_IN, "200", "200", "403", "403", SIGN_IN),
                new Row("GET", "/signals", "/signals", SIGN_IN, "200", "200", "200", "200", SIGN_IN),
                new Row("GET", "/media/{id}/blurred", "/media/" + mA + "/blurred", SIGN_IN, "200", "200", "403", "403", SIGN_IN),
                new Row("GET", "/media/{id}/reveal", "/media/" + mA + "/reveal", SIGN_IN, "403", "200", "403", "403", SIGN_IN),
                new Row("GET", "/cases/{id}/requests/new", "/cases/" + cA + "/requests/new", SIGN_IN, "200", "200", "403", "403", SIGN_IN),
                new Row("GET", "/requests", "/requests", SIGN_IN, "200", "200", "200", "403", SIGN_IN),
                new Row("GET", "/requests/{id}", "/requests/" + requestA, SIGN_IN, "200", "200", "403", "403", SIGN_IN),
                new Row("GET", "/providers", "/providers", SIGN_IN, "200", "403", "403", "200", SIGN_IN),
                new Row("GET", "/providers.csv", "/providers.csv", SIGN_IN, "200", "403", "403", "200", SIGN_IN),
                new Row("GET", "/admin/audit", "/admin/audit", SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                new Row("GET", "/accounts", "/accounts", SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                new Row("GET", "/accounts/new", "/accounts/new", SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                new Row("GET", "/accounts/{id}", "/accounts/" + d.accountA, SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                new Row("GET", "/admin/digest", "/admin/digest", SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                new Row("GET", "/admin/digest/email.html", "/admin/digest/email.html?org=RX1", SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                new Row("GET", "/admin/users", "/admin/users", SIGN_IN, "200", "403", "403", "403", SIGN_IN),
                // changes: ids that do not exist, so a user who passes the access check changes nothing (404 or a form error)
                new Row("POST", "/queue/bulk", "/queue/bulk", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/cases/{id}/decision", "/cases/999999/decision", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/media/{id}/reveal", "/media/999999/reveal", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/cases/{id}/requests", "/cases/999999/requests", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/requests/{id}/send", "/requests/999999/send", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/requests/{id}/sent", "/requests/999999/sent", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/requests/{id}/acknowledge", "/requests/999999/acknowledge", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/requests/{id}/refuse", "/requests/999999/refuse", "403", PASSES, PASSES, PASSES, "403", "403"),
                new Row("POST", "/accounts", "/accounts", "403", PASSES, "403", "403", "403", "403"),
                new Row("POST", "/accounts/{id}", "/accounts/999999", "403", PASSES, "403", "403", "403", "403"),
                new Row("POST", "/accounts/{id}/active", "/accounts/999999/active", "403", PASSES, "403", "403", "403", "403"),
                new Row("POST", "/accounts/import", "/accounts/import", "403", PASSES, "403", "403", "403", "403"),
                new Row("POST", "/admin/users/{id}/enabled", "/admin/users/999999/enabled", "403", PASSES, "403", "403", "403", "403"),
                new Row("POST", "/admin/users/{id}/tokens/revoke", "/admin/users/999999/tokens/revoke", "403", PASSES, "403", "403", "403", "403"),
                // signing in and out are exercised by their own tests (SignInTest, LoginRaceTest, signingOutEndsTheSession)
                new Row("POST", "/login", null),
                new Row("POST", "/logout", null));
    }

    private List<Row> api() {
        String[] none = {"401", "401", "401", "401"};
        return List.of(
                new Row("GET", "/api/cases", "/api/cases?status=all", concat(new String[] {"200", "200", "200", "403"}, none)),
                new Row("GET", "/api/cases/{id}", "/api/cases/" + d.caseA, concat(new String[] {"200", "200", "403", "403"}, none)),
                new Row("GET", "/api/requests", "/api/requests", concat(new String[] {"200", "200", "200", "403"}, none)),
                new Row("GET", "/api/audit", "/api/audit", concat(new String[] {"200", "403", "403", "200"}, none)));
    }

    @Test
    void everyRegisteredRouteIsInThisTest() {
        Set<String> registered = d.web.routes().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> here = new TreeSet<>();
        pages().forEach(r -> here.add(r.route()));
        api().forEach(r -> here.add(r.route()));
        assertThat(here).as("a route the app serves has no row here, or a row names no route").isEqualTo(registered);
        assertThat(registered).hasSizeGreaterThan(35);
        assertThat(d.web.routes()).allSatisfy(r -> assertThat(r.access()).isNotEmpty());
    }

    @Test
    void everyRouteAnswersEachUserAsTheirRoleAllows() {
        List<String> wrong = new ArrayList<>();
        for (Row row : pages()) {
            if (row.path() == null) continue;
            for (int i = 0; i < PAGE_USERS.length; i++) {
                Browserless b = pageUsers[i];
                HttpResponse<String> r = row.method().equals("GET") ? b.get(row.path()) : b.post(row.path(), Map.of());
                String got = outcome(r);
                String want = row.expected()[i];
                boolean ok = want.equals(PASSES) ? got.matches("\\d+") && !got.equals("401") && !got.equals("403") : want.equals(got);
                if (!ok) wrong.add(PAGE_USERS[i] + " " + row.method() + " " + row.path() + " -> " + got + ", expected " + want);
            }
        }
        Browserless api = new Browserless(d.base());
        for (Row row : api()) {
            for (int i = 0; i < API_USERS.length; i++) {
                HttpResponse<String> r = apiTokens[i] == null ? api.get(row.path()) : api.api(row.path(), apiTokens[i]);
                if (!String.valueOf(r.statusCode()).equals(row.expected()[i])) {
                    wrong.add(API_USERS[i] + " token GET " + row.path() + " -> " + r.statusCode() + ", expected " + row.expected()[i]);
                }
            }
        }
        assertThat(wrong).isEmpty();
        // and nothing those changes named existed, so nothing changed
        assertThat(d.auditCount("reveal")).isZero();
        assertThat(d.caseStatus(d.caseA)).isEqualTo("confirmed");
    }

    @Test
    void theStylesheetAndScriptAreServedToEveryone() {
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("/static/app.css", "/static/app.js")) {
            for (int i = 0; i < PAGE_USERS.length; i++) {
                var r = pageUsers[i].get(file);
                if (r.statusCode() != 200 || r.body().isBlank()) wrong.add(PAGE_USERS[i] + " GET " + file + " -> " + r.statusCode());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aReviewerCannotChangeAnotherTrustsCase() {
        Browserless other = pageUsers[3];
        assertThat(other.post("/cases/" + d.caseA + "/decision", Map.of("action", "dismiss", "reason", "staff only")).statusCode()).isEqualTo(403);
        assertThat(other.post("/media/" + d.mediaA + "/reveal", Map.of()).statusCode()).isEqualTo(403);
        assertThat(other.post("/requests/" + requestA + "/sent", Map.of()).statusCode()).isEqualTo(403);
        assertThat(d.caseStatus(d.caseA)).isEqualTo("confirmed");
        assertThat(d.app.requestStore().byId(requestA).orElseThrow().status().id()).isEqualTo("raised");
    }

    @Test
    void auditorCannotOpenAnyCaseOrImage() {
        Browserless auditor = pageUsers[4];
        for (long c : List.of(d.caseA, d.caseA2, d.caseB)) {
            assertThat(auditor.get("/cases/" + c).statusCode()).isEqualTo(403);
        }
        for (long m : List.of(d.mediaA, d.mediaB)) {
            assertThat(auditor.get("/media/" + m + "/blurred").statusCode()).isEqualTo(403);
            assertThat(auditor.get("/media/" + m + "/reveal").statusCode()).isEqualTo(403);
            assertThat(auditor.post("/media/" + m + "/reveal", Map.of()).statusCode()).isEqualTo(403);
        }
        var providers = auditor.get("/providers").body();
        assertThat(providers).doesNotContain("Doreen").doesNotContain("/media/").doesNotContain("<img");
        assertThat(auditor.get("/providers.csv").body()).doesNotContain("Doreen").doesNotContain("http");
    }

    @Test
    void reviewerSeesOnlyTheirOwnOrganisationsCasesInTheQueue() {
        String queue = pageUsers[2].get("/queue?status=all").body();
        assertThat(queue).contains("/cases/" + d.caseA + "\"").doesNotContain("/cases/" + d.caseB + "\"");
        String adminQueue = pageUsers[1].get("/queue?status=all").body();
        assertThat(adminQueue).contains("/cases/" + d.caseA + "\"").contains("/cases/" + d.caseB + "\"");
        String cases = new Browserless(d.base()).api("/api/cases?status=all", apiTokens[1]).body();
        assertThat(cases).contains("\"id\":" + d.caseA).doesNotContain("\"id\":" + d.caseB + ",");
    }

    @Test
    void aSignedInSessionCookieDoesNotOpenTheApi() {
        assertThat(pageUsers[1].get("/api/cases").statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSession() {
        Browserless b = d.signedIn("auditor");
        assertThat(b.get("/providers").statusCode()).isEqualTo(200);
        var out = b.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(outcome(b.get("/providers"))).isEqualTo(SIGN_IN);
    }

    private static String outcome(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() == 302 && location.startsWith("/login?next=")) return SIGN_IN;
        return String.valueOf(r.statusCode());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
