package org.wardwatch.dashboard.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.digest.DigestOutcome;
import org.wardwatch.core.digest.IsoWeek;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The admin page that previews the next digest of any organisation and lists what was sent when. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestAdminTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final IsoWeek WEEK = IsoWeek.parse("2026-W47");

    TestDashboard d;
    Browserless admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, mail.getSmtp().getPort());
        // both of trust A's cases were first seen on Tuesday of 2026-W47
        OffsetDateTime tuesday = Instant.parse("2026-11-17T10:00:00Z").atOffset(ZoneOffset.UTC);
        d.app.database().jdbi().useHandle(h -> h.createUpdate("UPDATE cases SET created_at = :t").bind("t", tuesday).execute());
        admin = d.signedIn("admin");
    }

    @AfterAll
    void stop() {
        d.close();
    }

    @Test
    void adminPreviewsAnOrganisationsDigestWithoutItsCaptions() {
        var r = admin.get("/admin/digest?org=RX1&week=" + WEEK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Digest for 2026-W47: Northmoor Mental Health NHS Foundation Trust",
                "comms@northmoor.nhs.uk", "WardWatch: 2 new – Willow Ward", "NEW CASES THIS WEEK: 2",
                "/cases/" + d.caseA, "/cases/" + d.caseA2);
        assertThat(r.body()).doesNotContain("Doreen", "birthday", "sensory room");
    }

    @Test
    void withoutParametersItShowsTheNextDigestOfTheFirstOrganisation() {
        var r = admin.get("/admin/digest");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Next digest: Northmoor Mental Health NHS Foundation Trust", "Sent digests",
                "aria-current=\"page\">Digest</a>");
    }

    @Test
    void theHtmlPartOpensAsMailClientsShowIt() {
        var r = admin.get("/admin/digest/email.html?org=RX1&week=" + WEEK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("style-src 'unsafe-inline'")
                .contains("default-src 'none'");
        assertThat(r.body()).contains("<html", "New cases this week: 2", "style=\"").doesNotContain("Doreen", "<img");
    }

    @Test
    void onlyAdminsMaySeeIt() {
        for (String user : new String[] {"reviewer", "auditor"}) {
            Browserless b = d.signedIn(user);
            assertThat(b.get("/admin/digest").statusCode()).as(user).isEqualTo(403);
            assertThat(b.get("/admin/digest/email.html?org=RX1").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new Browserless(d.base()).get("/admin/digest").statusCode()).isEqualTo(302);
    }

    @Test
    void aBadWeekOrUnknownOrganisationSaysWhatIsWrong() {
        var week = admin.get("/admin/digest?week=2026-47");
        assertThat(week.statusCode()).isEqualTo(400);
        assertThat(week.body()).contains("week '2026-47' is not an ISO week like 2026-W47");
        assertThat(admin.get("/admin/digest?org=ZZZ").statusCode()).isEqualTo(404);
    }

    @Test
    void sentDigestsAreListedWithWhenAndToWhom() {
        var outcomes = d.app.digestSender().send(WEEK);
        assertThat(outcomes).extracting(DigestOutcome::status).containsOnly(DigestOutcome.Status.SENT);
        var r = admin.get("/admin/digest?org=RX1&week=" + WEEK);
        assertThat(r.body()).contains("id=\"digest-history\"", "comms@northmoor.nhs.uk", "comms@southfield.nhs.uk",
                "status-sent", "Already sent to every recipient for 2026-W47");
    }
}
