package org.wardwatch.dashboard.testing;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.web.WebApp;

/**
 * A running dashboard on a free port over a fresh H2 data directory, with two trusts, their
 * accounts, flagged posts with images in the vault, and one user of each role.
 */
public final class TestDashboard implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    public final TestClock clock = new TestClock();
    public final AppContext app;
    public final WebApp web;
    public final Seed seed;
    public long orgA, orgB, accountA, accountB, caseA, caseA2, caseB, mediaA, mediaB;

    public TestDashboard(Path dir, int smtpPort) throws Exception {
        WardWatchConfig c = WardWatchConfig.defaults();
        WardWatchConfig config = new WardWatchConfig(c.database(), c.media(), c.http(), c.crawl(), c.recheck(), c.digest(),
                new WardWatchConfig.Smtp("127.0.0.1", smtpPort, "none", null, null, "wardwatch@test.nhs.uk"),
                c.retention(), c.removal(), c.classifier(), c.dashboard());
        app = new AppContext(config, dir, clock);
        seed = new Seed(app.database().jdbi(), app.vault(), app.cipher());
        orgA = seed.organisation("Northmoor Mental Health NHS Foundation Trust", "RX1", "comms@northmoor.nhs.uk");
        orgB = seed.organisation("Southfield Partnership NHS Trust", "RX2", "comms@southfield.nhs.uk");
        accountA = seed.account(orgA, "Willow Ward", "ward", "mastodon", "@willowward@social.example");
        accountB = seed.account(orgB, "Southfield News", "trust", "rss", "https://southfield.example/feed");
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS);
        String caption = "Happy birthday Doreen! Lovely afternoon in the garden with our patients on Willow Ward.";
        long postA = seed.post(accountA, "mastodon", caption, "https://social.example/@willowward/1001", t);
        mediaA = seed.media(postA, Seed.jpeg(640, 480, new Color(70, 120, 90)), 640, 480);
        seed.captionFinding(postA, "PERSON_NAME", "Doreen", 15, 21, 0.82);
        seed.captionFinding(postA, "PATIENT_CONTEXT", "our patients", 61, 73, 0.9);
        seed.boxFinding(postA, mediaA, "FACE", 200, 120, 90, 110, 0.91);
        seed.boxFinding(postA, mediaA, "FACE", 330, 130, 80, 100, 0.86);
        caseA = seed.caseFor(postA, orgA, accountA, 0.93,
                List.of("2 faces", "caption names a patient {caption:PERSON_NAME}", "ward account"), "FACE,PERSON_NAME,PATIENT_CONTEXT");
        long postA2 = seed.post(accountA, "mastodon", "Our new sensory room is open!", "https://social.example/@willowward/1002",
                t.plus(1, ChronoUnit.DAYS));
        caseA2 = seed.caseFor(postA2, orgA, accountA, 0.55, List.of("ward account", "patient context"), "PATIENT_CONTEXT");
        long postB = seed.post(accountB, "rss", "Staff awards night at Southfield", "https://southfield.example/news/awards", t);
        mediaB = seed.media(postB, Seed.jpeg(400, 300, new Color(120, 80, 60)), 400, 300);
        seed.boxFinding(postB, mediaB, "FACE", 100, 60, 70, 80, 0.8);
        caseB = seed.caseFor(postB, orgB, accountB, 0.7, List.of("1 face"), "FACE");
        app.users().add("admin", PASSWORD, Role.ADMIN, null);
        app.users().add("reviewer", PASSWORD, Role.REVIEWER, "RX1");
        app.users().add("reviewer-b", PASSWORD, Role.REVIEWER, "RX2");
        app.users().add("auditor", PASSWORD, Role.AUDITOR, null);
        web = app.webApp().start("127.0.0.1", 0);
    }

    public String base() {
        return "http://127.0.0.1:" + web.port();
    }

    public Browserless signedIn(String user) {
        Browserless b = new Browserless(base());
        var r = b.signIn(user, PASSWORD);
        if (r.statusCode() != 302) throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode());
        return b;
    }

    public String caseStatus(long caseId) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT status FROM cases WHERE id = :id")
                .bind("id", caseId).mapTo(String.class).one());
    }

    public long auditCount(String action) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_events WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        app.close();
    }
}
