package org.wardwatch.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.impl.matchers.GroupMatcher;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.schedule.ScheduleSettings;
import org.wardwatch.core.schedule.WardWatchScheduler;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;

class PurgeJobTest {
    @TempDir
    Path dir;

    @Test
    void purgeRunsDailyAtThreeAndReinstallingDoesNotDuplicateIt() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            RegistryStore registry = new RegistryStore(db.jdbi(), Clock.systemUTC());
            RetentionPurge purge = new RetentionPurge(db.jdbi(), new MediaVault(dir, new byte[32]), Clock.systemUTC());
            for (int start = 0; start < 2; start++) { // a restart installs again
                try (WardWatchScheduler scheduler = new WardWatchScheduler(db, registry,
                        ScheduleSettings.from(WardWatchConfig.defaults()), id -> { }, null, Clock.systemUTC())) {
                    PurgeJob.install(scheduler, purge, 30);
                    var quartz = scheduler.quartz();
                    assertThat(quartz.getJobKeys(GroupMatcher.jobGroupEquals(WardWatchScheduler.SYSTEM_GROUP)))
                            .containsExactly(PurgeJob.JOB);
                    var next = quartz.getTrigger(PurgeJob.TRIGGER).getNextFireTime().toInstant();
                    assertThat(next.atZone(ZoneId.systemDefault()).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
                    assertThat(Duration.between(java.time.Instant.now(), next)).isLessThanOrEqualTo(Duration.ofDays(1));
                }
            }
        }
    }
}
