package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/**
 * {@code users add} and {@code users token} on the data directory of a running dashboard: the user
 * can sign in at once and the token opens the API.
 */
class UsersCommandTest {
    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = WardWatch.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void addedUserSignsInAndTheirTokenOpensTheApiWhileTheDashboardRuns(@TempDir Path dir) throws Exception {
        try (TestDashboard d = new TestDashboard(dir, 1)) {
            Run add = run("a new long passphrase\n", "--data", dir.toString(), "users", "add", "carol", "--role", "reviewer",
                    "--org", "RX2", "--password-stdin");
            assertThat(add.code()).as(add.err()).isZero();
            assertThat(add.out()).contains("added reviewer carol");
            Browserless carol = new Browserless(d.base());
            assertThat(carol.signIn("carol", "a new long passphrase").statusCode()).isEqualTo(302);
            assertThat(carol.get("/cases/" + d.caseB).statusCode()).isEqualTo(200);
            assertThat(carol.get("/cases/" + d.caseA).statusCode()).isEqualTo(403);

            Run token = run("", "--data", dir.toString(), "users", "token", "carol");
            assertThat(token.code()).as(token.err()).isZero();
            // the token is the last line (the test logger may print warnings to standard output before it)
            String[] lines = token.out().strip().split("\n");
            String t = lines[lines.length - 1].strip();
            assertThat(t).startsWith("ww_").hasSizeGreaterThan(40);
            var api = new Browserless(d.base()).api("/api/cases?status=all", t);
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"id\":" + d.caseB);
            String stored = d.app.database().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens")
                    .mapTo(String.class).one());
            assertThat(stored).hasSize(64).isNotEqualTo(t);
        }
    }

    @Test
    void badInputIsOneLineAndANonZeroExit(@TempDir Path dir) {
        Run noOrg = run("a long passphrase\n", "--data", dir.toString(), "users", "add", "dave", "--role", "reviewer", "--password-stdin");
        assertThat(noOrg.code()).isNotZero();
        assertThat(noOrg.err().strip()).contains("--org").doesNotContain("Exception").hasLineCount(1);
        Run noStdin = run("", "--data", dir.toString(), "users", "add", "dave", "--role", "admin");
        assertThat(noStdin.code()).isNotZero();
        assertThat(noStdin.err()).contains("--password-stdin");
        Run shortPw = run("short\n", "--data", dir.toString(), "users", "add", "dave", "--role", "admin", "--password-stdin");
        assertThat(shortPw.code()).isNotZero();
        assertThat(shortPw.err()).contains("at least 12");
        Run noUser = run("", "--data", dir.toString(), "users", "token", "nobody");
        assertThat(noUser.code()).isNotZero();
        assertThat(noUser.err()).contains("no user nobody");
        assertThat(noUser.out()).doesNotContain("ww_");
    }

    @Test
    void weakPasswordsAreRefusedWithTheReasonOnOneLine(@TempDir Path dir) {
        for (String pw : new String[] {"          ", "aaaaaaaaaaaaaaaa", "erin-the-admin-2026", "password12345"}) {
            Run r = run(pw + "\n", "--data", dir.toString(), "users", "add", "erin", "--role", "admin", "--password-stdin");
            assertThat(r.code()).as(pw).isNotZero();
            assertThat(r.err().strip()).as(pw).containsPattern("at least 12|user name|too easy to guess").hasLineCount(1);
        }
    }

    @Test
    void disablingAUserEndsTheirSessionAndTokenAndEnablingLetsThemSignInAgain(@TempDir Path dir) throws Exception {
        try (TestDashboard d = new TestDashboard(dir, 1)) {
            Browserless reviewer = d.signedIn("reviewer");
            String token = lastLine(run("", "--data", dir.toString(), "users", "token", "reviewer").out());
            assertThat(new Browserless(d.base()).api("/api/cases", token).statusCode()).isEqualTo(200);

            Run disable = run("", "--data", dir.toString(), "users", "disable", "reviewer");
            assertThat(disable.code()).as(disable.err()).isZero();
            assertThat(disable.out()).contains("reviewer disabled");
            assertThat(reviewer.get("/queue").statusCode()).as("the live session ends").isEqualTo(302);
            assertThat(new Browserless(d.base()).api("/api/cases", token).statusCode()).isEqualTo(401);
            assertThat(new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(run("", "--data", dir.toString(), "users", "token", "reviewer").code()).isNotZero();

            assertThat(run("", "--data", dir.toString(), "users", "enable", "reviewer").out()).contains("reviewer enabled");
            assertThat(new Browserless(d.base()).signIn("reviewer", TestDashboard.PASSWORD).statusCode()).isEqualTo(302);
            assertThat(d.auditCount("user_disabled")).isEqualTo(1);
            assertThat(d.auditCount("user_enabled")).isEqualTo(1);
        }
    }

    @Test
    void aNewTokenReplacesTheOldOneExpiresAndRevokeEndsThemAll(@TempDir Path dir) throws Exception {
        try (TestDashboard d = new TestDashboard(dir, 1)) {
            Browserless api = new Browserless(d.base());
            String first = lastLine(run("", "--data", dir.toString(), "users", "token", "admin", "--days", "1").out());
            assertThat(api.api("/api/cases", first).statusCode()).isEqualTo(200);
            Run second = run("", "--data", dir.toString(), "users", "token", "admin");
            String token = lastLine(second.out());
            assertThat(second.err()).contains("expires").contains("1 earlier token(s) revoked");
            assertThat(api.api("/api/cases", first).statusCode()).as("the replaced token").isEqualTo(401);
            assertThat(api.api("/api/cases", token).statusCode()).isEqualTo(200);
            Instant expires = d.app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT expires_at FROM api_tokens WHERE revoked = FALSE").mapTo(java.time.OffsetDateTime.class).one()).toInstant();
            assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(89), Duration.ofDays(91));

            Run revoke = run("", "--data", dir.toString(), "users", "token", "admin", "--revoke");
            assertThat(revoke.code()).as(revoke.err()).isZero();
            assertThat(revoke.out()).doesNotContain("ww_");
            assertThat(revoke.err()).contains("revoked 1 token of admin");
            assertThat(api.api("/api/cases", token).statusCode()).isEqualTo(401);
            assertThat(run("", "--data", dir.toString(), "users", "token", "admin", "--days", "0").err()).contains("--days must be 1 to");
        }
    }

    @Test
    void anExpiredTokenIsRefused(@TempDir Path dir) throws Exception {
        try (TestDashboard d = new TestDashboard(dir, 1)) {
            String token = d.app.apiTokens().issue("admin", 2).token();
            Browserless api = new Browserless(d.base());
            assertThat(api.api("/api/cases", token).statusCode()).isEqualTo(200);
            d.clock.advance(Duration.ofDays(2).plusMinutes(1));
            assertThat(api.api("/api/cases", token).statusCode()).isEqualTo(401);
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
