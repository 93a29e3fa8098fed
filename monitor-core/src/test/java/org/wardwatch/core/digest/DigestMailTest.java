package org.wardwatch.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.core.digest.DigestScenario.CLOCK;
import static org.wardwatch.core.digest.DigestScenario.WEEK;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.digest.DigestLedger.DigestRecord;
import org.wardwatch.core.digest.DigestOutcome.Status;
import org.wardwatch.core.mail.SmtpMailer;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Digests sent through Jakarta Mail to a real SMTP server (GreenMail), recorded in a real database. */
class DigestMailTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("wardwatch", "s3cret"));

    private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(50), 2.0);

    @TempDir
    Path dir;
    Database db;

    @AfterEach
    void tearDown() {
        if (db != null) db.close();
    }

    private DigestScenario scenario() {
        db = TestDatabases.h2(dir);
        return new DigestScenario(db.jdbi());
    }

    private DigestSender sender(Jdbi jdbi, int port, boolean sendEmpty) {
        return sender(jdbi, port, sendEmpty, null, null);
    }

    private DigestSender sender(Jdbi jdbi, int port, boolean sendEmpty, String user, String password) {
        WardWatchConfig.Smtp smtp = new WardWatchConfig.Smtp("127.0.0.1", port, "none", user, null,
                "wardwatch@example.nhs.uk");
        return new DigestSender(DigestScenario.builder(jdbi), new DigestRenderer(), new DigestLedger(jdbi, CLOCK),
                new SmtpMailer(smtp, password), FAST, sendEmpty,
                Map.of("rx4", List.of("Director@Willow.nhs.uk", "COMMS@willow.nhs.uk ")));
    }

    private static int smtpPort() {
        return mail.getSmtp().getPort();
    }

    private static List<MimeMessage> to(String recipient) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient))) out.add(m);
        }
        return out;
    }

    /** The text/plain and text/html parts of a multipart/alternative message, decoded. */
    private static String[] parts(MimeMessage m) throws Exception {
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        BodyPart text = mp.getBodyPart(0);
        BodyPart html = mp.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(html.getContentType()).startsWith("text/html");
        return new String[] {(String) text.getContent(), (String) html.getContent()};
    }

    @Test
    void everyRecipientGetsTheDigestWithItsHeadlineAndBothParts() throws Exception {
        DigestScenario s = scenario();
        List<DigestOutcome> outcomes = sender(db.jdbi(), smtpPort(), true).send(WEEK);

        assertThat(outcomes).filteredOn(o -> o.odsCode().equals("RX4"))
                .extracting(DigestOutcome::recipient, DigestOutcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("comms@willow.nhs.uk", Status.SENT),
                        org.assertj.core.groups.Tuple.tuple("ig@willow.nhs.uk", Status.SENT),
                        org.assertj.core.groups.Tuple.tuple("director@willow.nhs.uk", Status.SENT));
        assertThat(mail.waitForIncomingEmail(5000, 4)).isTrue();
        assertThat(mail.getReceivedMessages()).hasSize(4);

        for (String recipient : List.of("comms@willow.nhs.uk", "ig@willow.nhs.uk", "director@willow.nhs.uk")) {
            List<MimeMessage> got = to(recipient);
            assertThat(got).as(recipient).hasSize(1);
            MimeMessage m = got.get(0);
            assertThat(m.getRecipients(RecipientType.TO)).hasSize(1);
            assertThat(m.getFrom()[0].toString()).isEqualTo("wardwatch@example.nhs.uk");
            assertThat(m.getSubject()).isEqualTo("WardWatch: 3 new, 1 overdue – Willow Ward and 2 other accounts");
            String[] parts = parts(m);
            assertThat(parts[0]).contains("NEW CASES THIS WEEK: 3", "WAITING FOR REMOVAL: 4, 1 overdue",
                    "OVERDUE Case " + s.overdue, DigestScenario.BASE_URL + "/cases/" + s.newWillow1,
                    "POSTS REMOVED THIS WEEK: 1", "ACCOUNTS WITH CRAWL ERRORS: 1");
            assertThat(parts[1]).contains("<html", "New cases this week: 3",
                    "href=\"" + DigestScenario.BASE_URL + "/cases/" + s.newMotherAndBaby + "\"");
        }
    }

    @Test
    void noPartCarriesCaptionTextQuotedNamesOrImages() throws Exception {
        scenario();
        sender(db.jdbi(), smtpPort(), true).send(WEEK);
        MimeMessage m = to("comms@willow.nhs.uk").get(0);
        String[] parts = parts(m);
        for (String part : List.of(m.getSubject(), parts[0], parts[1])) {
            assertThat(part).doesNotContain(DigestScenario.SECRETS);
        }
        assertThat(parts[1]).doesNotContainIgnoringCase("<img").doesNotContain("src=", "cid:");
        String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m);
        assertThat(raw).doesNotContainIgnoringCase("image/").doesNotContainIgnoringCase("attachment");
    }

    @Test
    void sendingTheSameWeekTwiceDeliversOnce() throws Exception {
        scenario();
        sender(db.jdbi(), smtpPort(), true).send(WEEK);
        assertThat(mail.waitForIncomingEmail(5000, 4)).isTrue();

        // a second run, as after a restart: a new sender over the same database
        List<DigestOutcome> again = sender(db.jdbi(), smtpPort(), true).send(WEEK);
        assertThat(again).extracting(DigestOutcome::status).containsOnly(Status.ALREADY_SENT);
        Thread.sleep(200);
        assertThat(mail.getReceivedMessages()).hasSize(4);
        DigestRecord row = new DigestLedger(db.jdbi(), CLOCK).find(1, "comms@willow.nhs.uk", WEEK).orElseThrow();
        assertThat(row.status()).isEqualTo("sent");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isEqualTo(DigestScenario.NOW);
    }

    @Test
    void aServerThatRefusesTheFirstAttemptGetsTheMessageOnARetry() throws Exception {
        DigestScenario s = scenario();
        try (RefusingSmtpProxy proxy = new RefusingSmtpProxy(smtpPort(), 1)) {
            DigestSender sender = sender(db.jdbi(), proxy.port(), true);
            List<DigestOutcome> outcomes = sender.send(WEEK, List.of(sender.builder().organisation("RX4").orElseThrow()));

            DigestOutcome first = outcomes.get(0);
            assertThat(first.recipient()).isEqualTo("comms@willow.nhs.uk");
            assertThat(first.status()).isEqualTo(Status.SENT);
            assertThat(first.attempts()).isEqualTo(2);
            assertThat(proxy.connections.get()).isEqualTo(4); // one refused, then one per recipient
        }
        assertThat(mail.waitForIncomingEmail(5000, 3)).isTrue();
        assertThat(to("comms@willow.nhs.uk")).hasSize(1);
        DigestRecord row = new DigestLedger(db.jdbi(), CLOCK).find(s.willow, "comms@willow.nhs.uk", WEEK).orElseThrow();
        assertThat(row.status()).isEqualTo("sent");
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.lastError()).isNull();
    }

    @Test
    void aDigestThatKeepsFailingIsRecordedAndSentOnTheNextRun() throws Exception {
        DigestScenario s = scenario();
        try (RefusingSmtpProxy proxy = new RefusingSmtpProxy(smtpPort(), 1000)) {
            DigestSender sender = sender(db.jdbi(), proxy.port(), true);
            List<DigestOutcome> outcomes = sender.send(WEEK, List.of(sender.builder().organisation("RX4").orElseThrow()));
            assertThat(outcomes).extracting(DigestOutcome::status).containsOnly(Status.FAILED);
            assertThat(outcomes.get(0).error()).contains("421");
            assertThat(outcomes.get(0).describe()).contains("RX4 comms@willow.nhs.uk 2026-W47: FAILED after 2 attempts");
            DigestRecord row = sender.ledger().find(s.willow, "comms@willow.nhs.uk", WEEK).orElseThrow();
            assertThat(row.status()).isEqualTo("failed");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.lastError()).contains("421");
            assertThat(mail.getReceivedMessages()).isEmpty();
            assertThat(proxy.connections.get()).isEqualTo(6); // each of the three tried twice, no more

            // next week's scheduled run tries last week's failures again, once the server is back
            proxy.refusals.set(0);
            List<DigestOutcome> next = sender.runScheduled(WEEK.next());
            assertThat(next).filteredOn(o -> o.week().equals(WEEK))
                    .extracting(DigestOutcome::status).containsExactly(Status.SENT, Status.SENT, Status.SENT);
        }
        assertThat(to("comms@willow.nhs.uk")).extracting(MimeMessage::getSubject)
                .contains("WardWatch: 3 new, 1 overdue – Willow Ward and 2 other accounts");
        assertThat(new DigestLedger(db.jdbi(), CLOCK).find(s.willow, "comms@willow.nhs.uk", WEEK).orElseThrow().status())
                .isEqualTo("sent");
    }

    @Test
    void authenticatesWithTheConfiguredCredentials() throws Exception {
        DigestScenario s = scenario();
        DigestSender wrong = sender(db.jdbi(), smtpPort(), true, "wardwatch", "not-the-password");
        List<DigestOutcome> refused = wrong.send(WEEK, List.of(wrong.builder().organisation("RA2").orElseThrow()));
        assertThat(refused).extracting(DigestOutcome::status).containsExactly(Status.FAILED);
        assertThat(refused.get(0).error()).containsIgnoringCase("authentication");
        assertThat(mail.getReceivedMessages()).isEmpty();

        DigestSender right = sender(db.jdbi(), smtpPort(), true, "wardwatch", "s3cret");
        List<DigestOutcome> sent = right.send(WEEK, List.of(right.builder().organisation("RA2").orElseThrow()));
        assertThat(sent).extracting(DigestOutcome::status).containsExactly(Status.SENT);
        assertThat(to("comms@ash.nhs.uk")).hasSize(1);
        assertThat(right.ledger().find(s.ash, "comms@ash.nhs.uk", WEEK).orElseThrow().attempts()).isEqualTo(3);
    }

    @Test
    void aWeekWithNothingYieldsTheShortNote() throws Exception {
        scenario();
        List<DigestOutcome> outcomes = sender(db.jdbi(), smtpPort(), true).send(WEEK);
        assertThat(outcomes).filteredOn(o -> o.odsCode().equals("RA2")).extracting(DigestOutcome::status)
                .containsExactly(Status.SENT);
        MimeMessage note = to("comms@ash.nhs.uk").get(0);
        assertThat(note.getSubject()).isEqualTo("WardWatch: nothing found in week 47 – Ash Trust");
        String[] parts = parts(note);
        assertThat(parts[0]).contains("Nothing found this week").doesNotContain("NEW CASES");
        assertThat(parts[1]).contains("Nothing found this week");
    }

    @Test
    void theNothingFoundNoteCanBeSwitchedOff() throws Exception {
        DigestScenario s = scenario();
        List<DigestOutcome> outcomes = sender(db.jdbi(), smtpPort(), false).send(WEEK);
        assertThat(outcomes).filteredOn(o -> o.odsCode().equals("RA2")).extracting(DigestOutcome::status)
                .containsExactly(Status.NOTHING_TO_REPORT);
        assertThat(mail.waitForIncomingEmail(5000, 3)).isTrue();
        assertThat(to("comms@ash.nhs.uk")).isEmpty();
        assertThat(new DigestLedger(db.jdbi(), CLOCK).find(s.ash, "comms@ash.nhs.uk", WEEK)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoNodesSendingTheSameWeekAtOnceDeliverEachDigestOnce(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        new DigestScenario(db.jdbi());
        // two nodes: separate senders with their own Jdbi over the shared database
        DigestSender nodeA = sender(Jdbi.create(db.dataSource()), smtpPort(), true);
        DigestSender nodeB = sender(Jdbi.create(db.dataSource()), smtpPort(), true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<DigestOutcome>> a = pool.submit(() -> {
                go.await();
                return nodeA.send(WEEK);
            });
            Future<List<DigestOutcome>> b = pool.submit(() -> {
                go.await();
                return nodeB.send(WEEK);
            });
            go.countDown();
            List<DigestOutcome> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            assertThat(all).filteredOn(o -> o.status() == Status.SENT).hasSize(4);
            assertThat(all).filteredOn(o -> o.status() == Status.ALREADY_SENT).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(200);
        assertThat(mail.getReceivedMessages()).hasSize(4);
        int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM digests_sent WHERE status = 'sent'")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(4);
    }
}
