package org.wardwatch.core.digest;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.wardwatch.core.config.WardWatchConfig;
import org.wardwatch.core.schedule.WardWatchScheduler;

/**
 * Puts the weekly {@link DigestJob} on a Quartz scheduler with a cron trigger in the configured zone
 * (default Monday 08:00 Europe/London, so it follows BST and GMT). Installing again, on a restart
 * or on a second node sharing the JDBC job store, replaces the job and trigger rather than adding
 * another.
 */
public final class DigestSchedule {
    /** Scheduler context key under which the job finds its sender. */
    public static final String SENDER = "wardwatch.digest.sender";
    public static final JobKey JOB = JobKey.jobKey("weekly-digest", "digest");
    public static final TriggerKey TRIGGER = TriggerKey.triggerKey("weekly-digest", "digest");

    private DigestSchedule() {
    }

    public static JobDetail job() {
        return JobBuilder.newJob(DigestJob.class).withIdentity(JOB)
                .withDescription("Weekly email digest to comms leads")
                .storeDurably()
                .requestRecovery() // a node that dies mid-run: another runs it again; the ledger stops repeats
                .build();
    }

    /** The trigger for the configured cron and zone; a bad value gives a one-line error naming the key. */
    public static CronTrigger trigger(WardWatchConfig.Digest config) {
        Objects.requireNonNull(config, "config");
        ZoneId zone;
        try {
            zone = ZoneId.of(config.zone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("digest.zone '" + config.zone() + "' is not a time zone such as Europe/London");
        }
        try {
            CronExpression.validateExpression(config.cron());
        } catch (ParseException e) {
            throw new IllegalArgumentException("digest.cron '" + config.cron() + "' is not a Quartz cron expression: "
                    + e.getMessage());
        }
        return TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withDescription("digest.cron " + config.cron() + " in " + zone)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.cron())
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed()) // down at 08:00: send when back up
                .build();
    }

    /**
     * Adds the weekly digest to WardWatch's schedule (the clustered JDBC job store): the job is built
     * with its sender, and the cron trigger is placed or updated. Call it before {@code start()}.
     */
    public static void install(WardWatchScheduler schedule, DigestSender sender, WardWatchConfig.Digest config)
            throws SchedulerException {
        schedule.register(DigestJob.class, () -> new DigestJob(sender));
        install(schedule.quartz(), sender, config);
    }

    /**
     * Registers the sender in the scheduler's context and (re)places the job and its trigger. Call it
     * on every start, before or after {@code scheduler.start()}.
     */
    public static void install(Scheduler scheduler, DigestSender sender, WardWatchConfig.Digest config)
            throws SchedulerException {
        CronTrigger trigger = trigger(config);
        scheduler.getContext().put(SENDER, sender);
        scheduler.addJob(job(), true);
        Trigger existing = scheduler.getTrigger(TRIGGER);
        if (existing == null) scheduler.scheduleJob(trigger);
        else if (!(existing instanceof CronTrigger c) || !c.getCronExpression().equals(trigger.getCronExpression())
                || !c.getTimeZone().getID().equals(trigger.getTimeZone().getID())) {
            scheduler.rescheduleJob(TRIGGER, trigger);
        }
    }
}
