package org.wardwatch.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/** Where signing in leads, and what a visitor who never signs in costs the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {
    static final List<String> HOSTILE = List.of("//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
            "/%09/evil.example", "/\t/evil.example/", "%2F%2Fevil.example", "/%2F/evil.example", "/%5Cevil.example",
            "/%252F%252Fevil.example", "https://evil.example/", "http:/evil.example", "javascript:alert(1)", "evil.example",
            " /queue", "/ /evil.example", "/\r\nSet-Cookie:x=1", "/%0d%0aSet-Cookie:x=1", "/\u202E/evil", "/queue\u0000",
            "/%zz", "/login?next=//evil.example", "/.//evil.example", "");

    TestDashboard d;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
    }

    @AfterAll
    void stop() {
        d.close();
    }

    @Test
    void everyHostileNextEndsAtTheStartPage() {
        List<String> wrong = new ArrayList<>();
        for (String next : HOSTILE) {
            Browserless b = new Browserless(d.base());
            String page = b.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).body();
            if (page.contains("evil")) wrong.add("form carries " + next);
            var r = b.post("/login", Map.of("username", "admin", "password", TestDashboard.PASSWORD, "next", next));
            String location = r.headers().firstValue("Location").orElse("(none)");
            if (r.statusCode() != 302 || !location.equals("/")) wrong.add(next.replace("\t", "\\t") + " -> " + r.statusCode() + " " + location);
        }
        assertThat(wrong).isEmpty();
        assertThat(NextPath.orHome("/%2F/evil.example")).isEqualTo("/");
    }

    @Test
    void aPathOnThisSiteIsWhereSigningInLeads() {
        for (String next : List.of("/cases/12", "/queue?status=all&signal=FACE", "/admin/audit?action=reveal&actor=a+b")) {
            Browserless b = new Browserless(d.base());
            var r = b.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            assertThat(r.body()).contains("name=\"next\"");
            var signedIn = b.post("/login", Map.of("username", "admin", "password", TestDashboard.PASSWORD, "next", next));
            assertThat(signedIn.headers().firstValue("Location")).hasValue(next);
        }
        // the guard's own redirect carries the page asked for, and it survives the round trip
        Browserless b = new Browserless(d.base());
        String location = b.get("/cases/" + d.caseA).headers().firstValue("Location").orElseThrow();
        String next = java.net.URLDecoder.decode(location.substring("/login?next=".length()), StandardCharsets.UTF_8);
        b.get(location);
        assertThat(b.post("/login", Map.of("username", "admin", "password", TestDashboard.PASSWORD, "next", next))
                .headers().firstValue("Location")).hasValue("/cases/" + d.caseA);
    }

    @Test
    void twentyThousandVisitsToTheSignInPageLeaveNoSession() throws Exception {
        int before = d.app.sessions().count();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(d.base() + "/login")).timeout(Duration.ofSeconds(30)).GET().build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 5_000; i++) {
                        HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200 && r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("ww_session="))) ok++;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (var w : workers) ok += w.get(10, TimeUnit.MINUTES);
            assertThat(ok).isEqualTo(20_000);
        } finally {
            pool.shutdownNow();
        }
        assertThat(d.app.sessions().count()).isEqualTo(before);
        d.signedIn("auditor");
        assertThat(d.app.sessions().count()).as("signing in makes one").isEqualTo(before + 1);
    }
}
