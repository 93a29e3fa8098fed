package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

class DigestCommandTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** The shipped sample configuration, as a user's clone has it. */
    private static final Path CONFIG = Path.of("..", "config", "wardwatch.yaml");
    private static final Path ACCOUNTS = Path.of("..", "config", "accounts.yaml");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = WardWatch.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void previewOnAFreshDataDirectoryPrintsTheSampleOrganisationsDigest() {
        Run r = run("digest", "--preview", "--week", "2026-W47", "--config", CONFIG.toString(), "--data", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("The registry is empty; previewing the organisations in",
                "To: comms@northfield.example.nhs.uk",
                "Subject: WardWatch: nothing found in week 47 – Northfield Mental Health NHS Foundation Trust",
                "WardWatch weekly digest: Northfield Mental Health NHS Foundation Trust (RXN)",
                "Week 2026-W47, Mon 16 Nov 2026 to Sun 22 Nov 2026", "Nothing found this week");
    }

    @Test
    void previewOfAnImportedOrganisationWritesTheHtmlPart() throws Exception {
        assertThat(run("accounts", "import", ACCOUNTS.toString(), "--config", CONFIG.toString(), "--data", dir.toString())
                .exit()).isZero();
        Run r = run("digest", "--preview", "--org", "rxn", "--week", "2026-W47", "--config", CONFIG.toString(),
                "--data", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(RXN)").doesNotContain("The registry is empty").doesNotContain("NQB");
        Path html = dir.resolve("digest-preview").resolve("RXN-2026-W47.html");
        assertThat(r.err()).contains("HTML part: " + html.toAbsolutePath().normalize());
        assertThat(Files.readString(html)).contains("<html", "Northfield Mental Health NHS Foundation Trust (RXN)");
    }

    @Test
    void badWeekOrUnknownOrganisationIsOneLine() {
        Run week = run("digest", "--preview", "--week", "2026-47", "--config", CONFIG.toString(), "--data", dir.toString());
        assertThat(week.exit()).isEqualTo(2);
        assertThat(week.err()).startsWith("Invalid value for option '--week': week '2026-47' is not an ISO week like 2026-W47");
        Run org = run("digest", "--preview", "--org", "ZZZ", "--config", CONFIG.toString(), "--data", dir.toString());
        assertThat(org.exit()).isEqualTo(1);
        assertThat(org.err().strip()).startsWith("wardwatch: --org ZZZ: no organisation with that ODS code").doesNotContain("\n");
    }

    @Test
    void sendDeliversOnceAndARepeatSendsNothing() throws Exception {
        Path config = dir.resolve("wardwatch.yaml");
        Files.writeString(config, "smtp:\n  host: 127.0.0.1\n  port: " + mail.getSmtp().getPort()
                + "\n  security: none\n  from: digest@example.nhs.uk\n"
                + "digest:\n  extraRecipients:\n    RXN: [director@northfield.example.nhs.uk]\n");
        Path data = dir.resolve("data");
        assertThat(run("accounts", "import", ACCOUNTS.toString(), "--config", config.toString(), "--data", data.toString())
                .exit()).isZero();

        Run first = run("digest", "--send", "--week", "2026-W47", "--config", config.toString(), "--data", data.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("RXN comms@northfield.example.nhs.uk 2026-W47: sent",
                "RXN director@northfield.example.nhs.uk 2026-W47: sent", "digest 2026-W47: 3 sent, 0 already sent, 0 failed");
        assertThat(mail.waitForIncomingEmail(5000, 3)).isTrue();

        Run again = run("digest", "--send", "--week", "2026-W47", "--config", config.toString(), "--data", data.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already sent (or being sent by another run), not sent again", "digest 2026-W47: 0 sent, 3 already sent, 0 failed");
        Thread.sleep(200);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(mail.getReceivedMessages()[0].getSubject()).startsWith("WardWatch: nothing found in week 47 – ");
    }
}
