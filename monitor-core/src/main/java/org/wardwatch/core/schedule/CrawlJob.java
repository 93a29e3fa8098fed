package org.wardwatch.core.schedule;

import java.util.Date;
import java.util.function.LongConsumer;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.core.registry.RegistryStore;

/**
 * Crawls one account. Quartz never runs two of these for one job (one job per account), even
 * across the nodes of a cluster, so two runs of one account cannot overlap.
 */
@DisallowConcurrentExecution
public final class CrawlJob implements Job {
    static final String ACCOUNT_ID = "accountId";
    private static final Logger log = LoggerFactory.getLogger(CrawlJob.class);

    private final LongConsumer crawl;
    private final RegistryStore registry;

    CrawlJob(LongConsumer crawl, RegistryStore registry) {
        this.crawl = crawl;
        this.registry = registry;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long accountId = Long.parseLong(context.getMergedJobDataMap().getString(ACCOUNT_ID));
        try {
            crawl.accept(accountId);
        } catch (RuntimeException e) {
            // the pipeline reports account errors itself; this is a bug, and the schedule must go on
            log.error("crawl job for account {} failed", accountId, org.wardwatch.core.store.Redacted.of(e));
        } finally {
            Date next = context.getNextFireTime();
            if (next != null) registry.setNextRun(accountId, next.toInstant());
        }
    }
}
