package org.wardwatch.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/**
 * Every page and API route, asked by every role: who gets it, who is refused, who is sent to sign
 * in. The auditor must never reach a case, an image or a request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {
    TestDashboard d;
    long requestA;
    long requestB;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
        var admin = d.app.users().byName("admin").orElseThrow();
        // a request on each trust's case, so request pages exist for both
        d.app.database().jdbi().useHandle(h -> h.execute("UPDATE cases SET status = 'confirmed'"));
        requestA = d.app.requestStore().create(d.caseA, "comms@northmoor.nhs.uk", "s", "b", java.time.Instant.now().plusSeconds(86400), admin.username());
        requestB = d.app.requestStore().create(d.caseB, "comms@southfield.nhs.uk", "s", "b", java.time.Instant.now().plusSeconds(86400), admin.username());
    }

    @AfterAll
    void stop() {
        d.close();
    }

    /** Expected status per role: admin, reviewer (trust A), auditor. */
    private Map<String, int[]> pages() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("/queue", new int[] {200, 200, 403});
        m.put("/queue?status=all&signal=FACE&kind=ward&platform=mastodon&from=2020-01-01&to=2099-01-01", new int[] {200, 200, 403});
        m.put("/cases/" + d.caseA, new int[] {200, 200, 403});
        m.put("/cases/" + d.caseB, new int[] {200, 403, 403});
        m.put("/media/" + d.mediaA + "/blurred", new int[] {200, 200, 403});
        m.put("/media/" + d.mediaB + "/blurred", new int[] {200, 403, 403});
        m.put("/media/" + d.mediaA + "/reveal", new int[] {403, 200, 403});
        m.put("/media/" + d.mediaB + "/reveal", new int[] {403, 403, 403});
        m.put("/cases/" + d.caseA + "/requests/new", new int[] {200, 200, 403});
        m.put("/cases/" + d.caseB + "/requests/new", new int[] {200, 403, 403});
        m.put("/requests", new int[] {200, 200, 403});
        m.put("/requests/" + requestA, new int[] {200, 200, 403});
        m.put("/requests/" + requestB, new int[] {200, 403, 403});
        m.put("/signals", new int[] {200, 200, 200});
        m.put("/providers", new int[] {200, 403, 200});
        m.put("/providers.csv", new int[] {200, 403, 200});
        m.put("/accounts", new int[] {200, 403, 403});
        m.put("/accounts/new", new int[] {200, 403, 403});
        m.put("/accounts/" + d.accountA, new int[] {200, 403, 403});
        m.put("/admin/audit", new int[] {200, 403, 403});
        return m;
    }

    @Test
    void everyPageAnswersEachRoleAsItsRoleAllows() {
        Browserless[] users = {d.signedIn("admin"), d.signedIn("reviewer"), d.signedIn("auditor")};
        String[] names = {"admin", "reviewer", "auditor"};
        List<String> wrong = new ArrayList<>();
        pages().forEach((path, expected) -> {
            for (int i = 0; i < users.length; i++) {
                int got = users[i].get(path).statusCode();
                if (got != expected[i]) wrong.add(names[i] + " GET " + path + " -> " + got + ", expected " + expected[i]);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        Browserless anon = new Browserless(d.base());
        for (String path : pages().keySet()) {
            var r = anon.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).startsWith("/login?next=");
        }
    }

    @Test
    void auditorCannotOpenAnyCaseOrImage() {
        Browserless auditor = d.signedIn("auditor");
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
        String queue = d.signedIn("reviewer").get("/queue?status=all").body();
        assertThat(queue).contains("/cases/" + d.caseA + "\"").doesNotContain("/cases/" + d.caseB + "\"");
        String adminQueue = d.signedIn("admin").get("/queue?status=all").body();
        assertThat(adminQueue).contains("/cases/" + d.caseA + "\"").contains("/cases/" + d.caseB + "\"");
    }

    @Test
    void apiAnswersEachRoleAsThePagesDo() {
        String adminToken = d.app.apiTokens().issue("admin");
        String reviewerToken = d.app.apiTokens().issue("reviewer");
        String auditorToken = d.app.apiTokens().issue("auditor");
        Browserless api = new Browserless(d.base());
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("/api/cases", new int[] {200, 200, 403});
        m.put("/api/cases/" + d.caseA, new int[] {200, 200, 403});
        m.put("/api/cases/" + d.caseB, new int[] {200, 403, 403});
        m.put("/api/requests", new int[] {200, 200, 403});
        m.put("/api/audit", new int[] {200, 403, 200});
        String[] tokens = {adminToken, reviewerToken, auditorToken};
        List<String> wrong = new ArrayList<>();
        m.forEach((path, expected) -> {
            for (int i = 0; i < 3; i++) {
                int got = api.api(path, tokens[i]).statusCode();
                if (got != expected[i]) wrong.add("token " + i + " " + path + " -> " + got);
            }
            if (api.api(path, "ww_not-a-token").statusCode() != 401) wrong.add("bad token " + path);
            if (api.get(path).statusCode() != 401) wrong.add("no token " + path);
        });
        assertThat(wrong).isEmpty();
        String cases = api.api("/api/cases?status=all", reviewerToken).body();
        assertThat(cases).contains("\"id\":" + d.caseA).doesNotContain("\"id\":" + d.caseB + ",");
    }

    @Test
    void aSignedInSessionCookieDoesNotOpenTheApi() {
        Browserless admin = d.signedIn("admin");
        assertThat(admin.get("/api/cases").statusCode()).isEqualTo(401);
    }
}
