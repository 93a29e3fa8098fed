package org.wardwatch.core.retention;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.schedule.WardWatchScheduler;

/** The retention purge, once a day at 03:00 server time, one node at a time. */
@DisallowConcurrentExecution
public final class PurgeJob implements Job {
    static final JobKey JOB = JobKey.jobKey("retention-purge", WardWatchScheduler.SYSTEM_GROUP);
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("retention-purge", WardWatchScheduler.SYSTEM_GROUP);
    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final RetentionPurge purge;
    private final int days;

    PurgeJob(RetentionPurge purge, int days) {
        this.purge = purge;
        this.days = days;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            purge.purge(days);
        } catch (RuntimeException e) {
            log.error("retention purge failed", org.wardwatch.core.store.Redacted.of(e));
        }
    }

    /** Adds the daily purge to the schedule (idempotent across restarts and nodes). */
    public static void install(WardWatchScheduler scheduler, RetentionPurge purge, int days) throws SchedulerException {
        scheduler.register(PurgeJob.class, () -> new PurgeJob(purge, days));
        var quartz = scheduler.quartz();
        quartz.addJob(JobBuilder.newJob(PurgeJob.class).withIdentity(JOB).withDescription("retention purge")
                .storeDurably().build(), true);
        if (quartz.getTrigger(TRIGGER) == null) {
            Trigger daily = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(3, 0)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            quartz.scheduleJob(daily);
        }
    }
}
