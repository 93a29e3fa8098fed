package org.wardwatch.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/**
 * Many sign-ins for one name sent at once, over real HTTP: at most five passwords are ever checked
 * (the throttle's limit), every other attempt gets 429 with Retry-After, and once the name is locked
 * even the right password is refused until the window has passed.
 */
class LoginRaceTest {
    static final int LIMIT = 5;

    TestDashboard d;
    HttpClient http;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void thirtyAtOnceWithTheRightPasswordAmongThemCheckAtMostFive() throws Exception {
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < 30; i++) passwords.add(i == 17 ? TestDashboard.PASSWORD : "wrong guess number " + i);
        List<HttpResponse<String>> answers = allAtOnce("reviewer", passwords);

        long checked = d.auditCount("sign_in_failed") + d.auditCount("sign_in");
        long tooMany = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(checked).isLessThanOrEqualTo(LIMIT);
        assertThat(tooMany).isEqualTo(30 - checked).isGreaterThanOrEqualTo(30 - LIMIT);
        assertThat(answers).filteredOn(r -> r.statusCode() == 429)
                .allSatisfy(r -> assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElse("0"))).isPositive());
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(302, 401, 429));
    }

    @Test
    void aHundredAtOnceThenTheRightPasswordIsRefusedUntilTheWindowEnds() throws Exception {
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < 100; i++) passwords.add("wrong guess number " + i);
        List<HttpResponse<String>> answers = allAtOnce("reviewer", passwords);

        long failed = d.auditCount("sign_in_failed");
        assertThat(failed).isPositive().isLessThanOrEqualTo(LIMIT);
        assertThat(answers.stream().filter(r -> r.statusCode() == 401).count()).isEqualTo(failed);
        assertThat(answers.stream().filter(r -> r.statusCode() == 429).count()).isEqualTo(100 - failed);

        // the name is locked (five failures) or the server was busy and some were never checked: either
        // way, fill the window to the limit one at a time, then the right password must be refused
        Browserless one = new Browserless(d.base());
        for (int i = 0; i < LIMIT && d.auditCount("sign_in_failed") < LIMIT; i++) one.signIn("reviewer", "one more wrong guess " + i);
        assertThat(d.auditCount("sign_in_failed")).isEqualTo(LIMIT);
        HttpResponse<String> locked = new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed sign-ins");
        assertThat(d.auditCount("sign_in")).isZero();

        d.clock.advance(Duration.ofMinutes(14));
        assertThat(new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD).statusCode()).as("still in the window").isEqualTo(429);
        d.clock.advance(Duration.ofMinutes(2));
        assertThat(new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(d.auditCount("sign_in")).isEqualTo(1);
    }

    /** One visitor's sign-in form, then every password posted for the name at once. */
    private List<HttpResponse<String>> allAtOnce(String user, List<String> passwords) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(d.base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ww_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String token = cookie.substring("ww_signin=".length());
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (String pw : passwords) {
            String body = Browserless.encode(Map.of("_csrf", token, "username", user, "password", pw));
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(d.base() + "/login")).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var f : sent) answers.add(f.get());
        return answers;
    }
}
