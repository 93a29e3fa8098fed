package org.wardwatch.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

import io.javalin.http.HandlerType;

/**
 * Every form that changes something refuses a request without the session's CSRF token (the sign-in
 * form: without the signed token of its cookie). The POST routes come from the app itself, so a new
 * form without a line here fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfTest {
    TestDashboard d;
    long request;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
        d.app.database().jdbi().useHandle(h -> h.execute("UPDATE cases SET status = 'confirmed' WHERE id = " + d.caseA2));
        request = d.app.requestStore().create(d.caseA2, "comms@northmoor.nhs.uk", "s", "b",
                java.time.Instant.now().plusSeconds(86400), "admin");
    }

    @AfterAll
    void stop() {
        d.close();
    }

    /** Route pattern -> a request to it that would change something if the token were not checked. */
    private Map<String, Map.Entry<String, Map<String, String>>> forms() {
        Map<String, Map.Entry<String, Map<String, String>>> m = new LinkedHashMap<>();
        long reviewerB = d.app.users().byName("reviewer-b").orElseThrow().id();
        m.put("/logout", Map.entry("/logout", Map.of()));
        m.put("/queue/bulk", Map.entry("/queue/bulk", Map.of("ids", String.valueOf(d.caseA), "action", "confirm")));
        m.put("/cases/{id}/decision", Map.entry("/cases/" + d.caseA + "/decision", Map.of("action", "confirm")));
        m.put("/media/{id}/reveal", Map.entry("/media/" + d.mediaA + "/reveal", Map.of()));
        m.put("/cases/{id}/requests", Map.entry("/cases/" + d.caseA2 + "/requests",
                Map.of("recipient", "x@example.org", "subject", "s", "body", "b", "due", "2099-01-01")));
        m.put("/requests/{id}/send", Map.entry("/requests/" + request + "/send", Map.of()));
        m.put("/requests/{id}/sent", Map.entry("/requests/" + request + "/sent", Map.of()));
        m.put("/requests/{id}/acknowledge", Map.entry("/requests/" + request + "/acknowledge", Map.of()));
        m.put("/requests/{id}/refuse", Map.entry("/requests/" + request + "/refuse", Map.of()));
        m.put("/accounts", Map.entry("/accounts", Map.of("organisation", "RX1", "kind", "ward", "platform", "rss", "handle", "https://x.example/feed")));
        m.put("/accounts/{id}", Map.entry("/accounts/" + d.accountA,
                Map.of("organisation", "RX1", "kind", "ward", "platform", "rss", "handle", "https://y.example/feed")));
        m.put("/accounts/{id}/active", Map.entry("/accounts/" + d.accountA + "/active", Map.of("active", "false")));
        m.put("/accounts/import", Map.entry("/accounts/import", Map.of()));
        m.put("/admin/users/{id}/enabled", Map.entry("/admin/users/" + reviewerB + "/enabled", Map.of("enabled", "false")));
        m.put("/admin/users/{id}/tokens/revoke", Map.entry("/admin/users/" + reviewerB + "/tokens/revoke", Map.of()));
        return m;
    }

    @Test
    void everyPostRouteOfTheAppIsCoveredHere() {
        Set<String> posts = d.web.routes().stream().filter(r -> r.method() == HandlerType.POST).map(WebApp.Route::path)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> here = new TreeSet<>(forms().keySet());
        here.add("/login");
        assertThat(here).isEqualTo(posts);
    }

    @Test
    void everyFormRejectsAMissingOrWrongCsrfToken() {
        List<String> accepted = new ArrayList<>();
        for (String user : List.of("admin", "reviewer")) {
            Browserless b = d.signedIn(user);
            forms().values().forEach(form -> {
                String path = form.getKey();
                Map<String, String> fields = form.getValue();
                int missing = b.postRaw(path, fields).statusCode();
                Map<String, String> wrong = new LinkedHashMap<>(fields);
                wrong.put("_csrf", "forged-token");
                int forged = b.postRaw(path, wrong).statusCode();
                if (missing != 403) accepted.add(user + " POST " + path + " without token -> " + missing);
                if (forged != 403) accepted.add(user + " POST " + path + " with a forged token -> " + forged);
            });
        }
        assertThat(accepted).isEmpty();
        // and nothing happened
        assertThat(d.caseStatus(d.caseA)).isEqualTo("open");
        assertThat(d.auditCount("reveal")).isZero();
        assertThat(d.app.requestStore().byId(request).orElseThrow().status().id()).isEqualTo("raised");
        assertThat(d.app.requestStore().forCase(d.caseA2)).hasSize(1);
        boolean active = d.app.database().jdbi().withHandle(h -> h.createQuery("SELECT active FROM accounts WHERE id = " + d.accountA)
                .mapTo(Boolean.class).one());
        assertThat(active).isTrue();
        assertThat(d.app.users().byName("reviewer-b").orElseThrow().active()).isTrue();
        assertThat(d.auditCount("tokens_revoked")).isZero();
    }

    @Test
    void signInNeedsTheSignedTokenOfItsOwnCookie() {
        Browserless b = new Browserless(d.base());
        b.get("/login");
        String token = b.csrf();
        assertThat(token).contains(".");
        // a token made up, or one whose signature was changed, is refused even when cookie and form agree
        Browserless forger = new Browserless(d.base());
        forger.get("/login");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(forger.postWithCookie("/login", "ww_signin=" + tampered, Map.of("_csrf", tampered, "username", "admin",
                "password", TestDashboard.PASSWORD)).statusCode()).isEqualTo(403);
        // a valid token in the form but not in the cookie (the double submit) is refused
        Browserless other = new Browserless(d.base());
        other.get("/login");
        assertThat(other.postRaw("/login", Map.of("_csrf", token, "username", "admin", "password", TestDashboard.PASSWORD))
                .statusCode()).isEqualTo(403);
        // the visitor's own token signs in
        assertThat(b.post("/login", Map.of("username", "admin", "password", TestDashboard.PASSWORD)).statusCode()).isEqualTo(302);
    }

    @Test
    void signInRejectsAMissingCsrfToken() {
        Browserless b = new Browserless(d.base());
        b.get("/login");
        var r = b.postRaw("/login", Map.of("username", "admin", "password", TestDashboard.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(b.get("/queue").statusCode()).isEqualTo(302);
    }

    @Test
    void everyFormOnEveryPageCarriesTheToken() {
        Browserless admin = d.signedIn("admin");
        Browserless reviewer = d.signedIn("reviewer");
        Pattern form = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        List<String> pages = List.of("/queue", "/queue?status=all", "/cases/" + d.caseA, "/cases/" + d.caseA2,
                "/cases/" + d.caseA2 + "/requests/new", "/requests", "/requests/" + request, "/media/" + d.mediaA + "/reveal",
                "/accounts", "/accounts/new", "/accounts/" + d.accountA, "/admin/audit", "/signals", "/providers", "/admin/users");
        int forms = 0;
        List<String> missing = new ArrayList<>();
        for (String p : pages) {
            String html = (p.contains("reveal") ? reviewer : admin).get(p).body();
            Matcher m = form.matcher(html);
            while (m.find()) {
                forms++;
                if (!m.group(1).contains("name=\"_csrf\"")) missing.add(p + ": " + m.group(0).substring(0, Math.min(120, m.group(0).length())));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(forms).isGreaterThan(15);
    }
}
