package org.wardwatch.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.mail.SmtpMailer;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

class DigestScheduleTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private static final WardWatchConfig.Digest DEFAULTS = new WardWatchConfig.Digest(null, null, null, null);

    /** The trigger as Quartz would compute it from any point in time, not only from now. */
    private static Instant nextAfter(Trigger trigger, String instant) {
        Trigger fromEpoch = trigger.getTriggerBuilder().startAt(new Date(0)).build();
        return fromEpoch.getFireTimeAfter(Date.from(Instant.parse(instant))).toInstant();
    }

    @Test
    void firesMondayAtEightLondonTimeInSummerAndWinter() {
        CronTrigger trigger = DigestSchedule.trigger(DEFAULTS);
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Europe/London");
        // BST (UTC+1): 08:00 in London is 07:00 UTC
        assertThat(nextAfter(trigger, "2026-06-24T12:00:00Z")).isEqualTo("2026-06-29T07:00:00Z");
        // the Monday after the clocks go forward (Sunday 29 March 2026)
        assertThat(nextAfter(trigger, "2026-03-24T12:00:00Z")).isEqualTo("2026-03-30T07:00:00Z");
        // the Monday after the clocks go back (Sunday 25 October 2026): GMT again
        assertThat(nextAfter(trigger, "2026-10-20T12:00:00Z")).isEqualTo("2026-10-26T08:00:00Z");
        assertThat(nextAfter(trigger, "2026-11-23T08:00:00Z")).isEqualTo("2026-11-30T08:00:00Z");
    }

    @Test
    void scheduleAndZoneComeFromTheConfiguration() {
        CronTrigger trigger = DigestSchedule.trigger(new WardWatchConfig.Digest("0 30 7 ? * FRI", "America/New_York", true, null));
        assertThat(nextAfter(trigger, "2026-11-23T08:00:00Z")).isEqualTo("2026-11-27T12:30:00Z");
    }

    @Test
    void badScheduleOrZoneIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> DigestSchedule.trigger(new WardWatchConfig.Digest("every monday", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("digest.cron 'every monday' is not a Quartz cron expression");
        assertThatThrownBy(() -> DigestSchedule.trigger(new WardWatchConfig.Digest(null, "Mars/Olympus", null, null)))
                .hasMessage("digest.zone 'Mars/Olympus' is not a time zone such as Europe/London");
    }

    @Test
    void theJobOnARealSchedulerSendsLastWeeksDigestAndInstallingAgainKeepsOneTrigger() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            DigestScenario s = new DigestScenario(db.jdbi());
            WardWatchConfig.Smtp smtp = new WardWatchConfig.Smtp("127.0.0.1", mail.getSmtp().getPort(), "none", null,
                    null, null);
            DigestSender sender = new DigestSender(DigestScenario.builder(db.jdbi()), new DigestRenderer(),
                    new DigestLedger(db.jdbi(), DigestScenario.CLOCK), new SmtpMailer(smtp, null),
                    new RetryPolicy(1, Duration.ZERO, 1), true, Map.of());
            Properties p = new Properties();
            p.put("org.quartz.scheduler.instanceName", "digest-test-" + UUID.randomUUID());
            p.put("org.quartz.threadPool.threadCount", "1");
            p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            try {
                DigestSchedule.install(scheduler, sender, DEFAULTS);
                DigestSchedule.install(scheduler, sender, DEFAULTS); // a restart
                assertThat(scheduler.getTriggersOfJob(DigestSchedule.JOB)).hasSize(1);
                scheduler.start();
                scheduler.triggerJob(DigestSchedule.JOB);
                assertThat(mail.waitForIncomingEmail(10_000, 3)).isTrue();
                // the job returns (its ledger rows written, its one-off trigger removed) only after the last mail is out
                awaitOnlyTheScheduledTrigger(scheduler);

                // a manual run fires now: it reports on the last complete week before now
                IsoWeek expected = IsoWeek.lastCompleteBefore(Instant.now(), DigestScenario.LONDON);
                List<DigestLedger.DigestRecord> rows = sender.ledger().history(null, 10);
                assertThat(rows).extracting(DigestLedger.DigestRecord::week).containsOnly(expected);
                assertThat(rows).extracting(DigestLedger.DigestRecord::recipient)
                        .containsExactlyInAnyOrder("comms@willow.nhs.uk", "ig@willow.nhs.uk", "comms@ash.nhs.uk");
                List<String> subjects = new java.util.ArrayList<>();
                for (MimeMessage m : mail.getReceivedMessages()) subjects.add(m.getSubject());
                assertThat(subjects).contains("WardWatch: nothing found in week " + expected.week() + " – Ash Trust");

                DigestSchedule.install(scheduler, sender, new WardWatchConfig.Digest("0 0 9 ? * TUE", null, null, null));
                assertThat(scheduler.getTriggersOfJob(DigestSchedule.JOB)).singleElement()
                        .satisfies(t -> assertThat(((CronTrigger) t).getCronExpression()).isEqualTo("0 0 9 ? * TUE"));
                assertThat(s.willow).isPositive();
            } finally {
                scheduler.shutdown(true);
            }
        }
    }

    private static void awaitOnlyTheScheduledTrigger(Scheduler scheduler) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scheduler.getTriggersOfJob(DigestSchedule.JOB).size() > 1 && System.nanoTime() < deadline) Thread.sleep(20);
    }
}
