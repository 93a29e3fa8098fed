package org.wardwatch.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the removal re-check; one at a time across the cluster. */
@DisallowConcurrentExecution
public final class RecheckJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(RecheckJob.class);
    private final Runnable recheck;

    RecheckJob(Runnable recheck) {
        this.recheck = recheck;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            recheck.run();
        } catch (RuntimeException e) {
            log.error("removal re-check failed", org.wardwatch.core.store.Redacted.of(e));
        }
    }
}
