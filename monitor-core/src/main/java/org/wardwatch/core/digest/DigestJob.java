package org.wardwatch.core.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly Quartz job. It reports on the last complete ISO week before its scheduled fire time
 * (not the moment it runs), so a misfired or recovered run still sends the right week; the ledger
 * makes a second run of the same week, on this node or another, send nothing twice.
 *
 * <p>The {@link DigestSender} is given to the constructor by a job factory that builds jobs with
 * their dependencies; with Quartz's plain factory (no-argument constructor) it comes from the
 * scheduler context, where {@link DigestSchedule#install} puts it, because a JDBC job store can
 * only keep serialisable job data.
 */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DigestSender injected;

    public DigestJob(DigestSender sender) {
        this.injected = sender;
    }

    /** For Quartz's plain job factory: the sender is looked up in the scheduler context. */
    public DigestJob() {
        this(null);
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        DigestSender sender = injected;
        if (sender == null) {
            try {
                sender = (DigestSender) context.getScheduler().getContext().get(DigestSchedule.SENDER);
            } catch (SchedulerException e) {
                throw new JobExecutionException("digest: cannot read the scheduler context", e, false);
            }
        }
        if (sender == null) {
            throw new JobExecutionException("digest: no DigestSender in the scheduler context; call DigestSchedule.install", false);
        }
        Instant fired = context.getScheduledFireTime() == null ? Instant.now() : context.getScheduledFireTime().toInstant();
        ZoneId zone = sender.builder().zone();
        IsoWeek week = IsoWeek.lastCompleteBefore(fired, zone);
        List<DigestOutcome> outcomes = sender.runScheduled(week);
        long failed = outcomes.stream().filter(o -> o.status() == DigestOutcome.Status.FAILED).count();
        long sent = outcomes.stream().filter(o -> o.status() == DigestOutcome.Status.SENT).count();
        if (failed > 0) log.error("digest for {}: {} sent, {} failed; failed ones are retried on the next run", week, sent, failed);
        else log.info("digest for {}: {} sent, {} outcomes", week, sent, outcomes.size());
    }
}
