package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
        assertThat(shortPw.err()).contains("at least 10");
        Run noUser = run("", "--data", dir.toString(), "users", "token", "nobody");
        assertThat(noUser.code()).isNotZero();
        assertThat(noUser.err()).contains("no user nobody");
        assertThat(noUser.out()).doesNotContain("ww_");
    }
}
