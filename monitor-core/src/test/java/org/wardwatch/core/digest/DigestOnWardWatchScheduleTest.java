package org.wardwatch.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.CronTrigger;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.mail.SmtpMailer;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.schedule.ScheduleSettings;
import org.wardwatch.core.schedule.WardWatchScheduler;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The digest on WardWatch's own schedule: Quartz's clustered JDBC store in the WardWatch database. */
class DigestOnWardWatchScheduleTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final WardWatchConfig.Digest DEFAULTS = new WardWatchConfig.Digest(null, null, null, null);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theWeeklyTriggerIsStoredOnceAcrossRestartsAndItsJobSends(Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            new DigestScenario(db.jdbi());
            WardWatchConfig.Smtp smtp = new WardWatchConfig.Smtp("127.0.0.1", mail.getSmtp().getPort(), "none", null,
                    null, null);
            DigestSender sender = new DigestSender(DigestScenario.builder(db.jdbi()), new DigestRenderer(),
                    new DigestLedger(db.jdbi(), DigestScenario.CLOCK), new SmtpMailer(smtp, null),
                    new RetryPolicy(1, Duration.ZERO, 1), true, Map.of());
            ScheduleSettings settings = new ScheduleSettings(Duration.ofHours(6), Duration.ZERO, 2, Duration.ofHours(12),
                    "digest-test-" + UUID.randomUUID());
            RegistryStore registry = new RegistryStore(db.jdbi(), Clock.systemUTC());

            try (WardWatchScheduler first = new WardWatchScheduler(db, registry, settings, id -> { }, null, Clock.systemUTC())) {
                DigestSchedule.install(first, sender, DEFAULTS);
            }
            try (WardWatchScheduler restarted = new WardWatchScheduler(db, registry, settings, id -> { }, null, Clock.systemUTC())) {
                DigestSchedule.install(restarted, sender, DEFAULTS);
                assertThat(restarted.quartz().getTriggersOfJob(DigestSchedule.JOB)).singleElement().satisfies(t -> {
                    CronTrigger c = (CronTrigger) t;
                    assertThat(c.getCronExpression()).isEqualTo("0 0 8 ? * MON");
                    assertThat(c.getTimeZone().getID()).isEqualTo("Europe/London");
                });
                int stored = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'weekly-digest'").mapTo(Integer.class).one());
                assertThat(stored).isEqualTo(1);

                restarted.start();
                restarted.quartz().triggerJob(DigestSchedule.JOB);
                assertThat(mail.waitForIncomingEmail(15_000, 3)).isTrue();
                IsoWeek expected = IsoWeek.lastCompleteBefore(Instant.now(), DigestScenario.LONDON);
                // the mail server has them; the job records each as sent right after
                List<DigestLedger.DigestRecord> rows = sender.ledger().history(null, 10);
                for (int i = 0; i < 100 && rows.stream().anyMatch(r -> !r.status().equals("sent")); i++) {
                    Thread.sleep(100);
                    rows = sender.ledger().history(null, 10);
                }
                assertThat(rows).extracting(DigestLedger.DigestRecord::status).containsOnly("sent");
                assertThat(rows).extracting(DigestLedger.DigestRecord::week).containsOnly(expected);
                assertThat(rows).hasSize(3);
            }
        }
    }
}
