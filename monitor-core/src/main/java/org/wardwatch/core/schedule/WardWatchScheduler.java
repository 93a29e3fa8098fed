package org.wardwatch.core.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.SimpleJobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.store.Database;

/**
 * WardWatch's schedule: one Quartz crawl job per active account, each on the crawl interval from
 * its own jittered start, plus the removal re-check. Jobs live in Quartz's JDBC store inside the
 * WardWatch database (H2 or PostgreSQL), clustered, so they survive a restart and several nodes
 * can share one schedule: each job runs once, and a dead node's jobs are recovered by the others.
 * Other parts add their own jobs through {@link #quartz()} and {@link #register}.
 */
public final class WardWatchScheduler implements AutoCloseable {
    public static final String CRAWL_GROUP = "crawl";
    public static final String SYSTEM_GROUP = "system";
    static final JobKey RECHECK = JobKey.jobKey("recheck", SYSTEM_GROUP);

    private final Database db;
    private final RegistryStore registry;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final Scheduler quartz;
    private final String dataSourceName;
    private final Map<Class<? extends Job>, Supplier<? extends Job>> factories = new ConcurrentHashMap<>();
    private final boolean recheckEnabled;

    /**
     * @param crawl   crawls one account by id (the ingest pipeline); it reports its own errors
     * @param recheck the removal re-check, run on its own interval; null to leave it unscheduled
     */
    public WardWatchScheduler(Database db, RegistryStore registry, ScheduleSettings settings, LongConsumer crawl,
                              Runnable recheck, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.recheckEnabled = recheck != null;
        this.dataSourceName = "wardwatch-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return db.dataSource().getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to the Database, which closes it
            }

            @Override
            public void initialize() {
                // the pool is ready before the scheduler exists
            }
        });
        register(CrawlJob.class, () -> new CrawlJob(crawl, registry));
        if (recheck != null) register(RecheckJob.class, () -> new RecheckJob(recheck));
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(properties());
            this.quartz = factory.getScheduler();
            SimpleJobFactory plain = new SimpleJobFactory();
            quartz.setJobFactory((bundle, scheduler) -> {
                Supplier<? extends Job> make = factories.get(bundle.getJobDetail().getJobClass());
                return make != null ? make.get() : plain.newJob(bundle, scheduler);
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.instanceName());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // how long an idle node waits before looking for due triggers again (Quartz's default is 30 s)
        p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.parallel()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "wardwatch-crawl");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", db.isPostgres()
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // job data as strings: readable in the database and safe across versions
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "15000");
        // a crawl that waits a few minutes for a free thread is late, not missed
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(Duration.ofMinutes(10).toMillis()));
        return p;
    }

    /** Lets a job class be built with its dependencies (constructor injection) instead of a no-arg constructor. */
    public <T extends Job> void register(Class<T> type, Supplier<? extends T> make) {
        factories.put(type, make);
    }

    public Scheduler quartz() {
        return quartz;
    }

    /** Brings the jobs in line with the registry, then starts running them. */
    public void start() {
        try {
            syncAccounts();
            if (recheckEnabled) scheduleRecheck();
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * One crawl job per active account: new accounts get a job whose first run is somewhere in the
     * jitter window, accounts whose interval changed are rescheduled, and jobs of accounts that are
     * gone or inactive are removed. Each account's next run is written to {@code accounts.next_run_at}.
     *
     * @return the number of accounts scheduled
     */
    public int syncAccounts() throws SchedulerException {
        List<Account> active = registry.activeAccounts();
        Set<JobKey> wanted = new HashSet<>();
        long intervalMs = settings.crawlInterval().toMillis();
        for (Account a : active) {
            JobKey key = crawlKey(a.id());
            wanted.add(key);
            TriggerKey tkey = TriggerKey.triggerKey(key.getName(), CRAWL_GROUP);
            Trigger existing = quartz.getTrigger(tkey);
            Date next;
            if (existing == null) {
                JobDetail job = JobBuilder.newJob(CrawlJob.class).withIdentity(key)
                        .usingJobData(CrawlJob.ACCOUNT_ID, String.valueOf(a.id()))
                        .withDescription(a.platform().id() + " " + a.handle())
                        .requestRecovery(true).storeDurably(false).build();
                Trigger t = crawlTrigger(tkey, key, firstRun());
                if (quartz.checkExists(key)) quartz.deleteJob(key);
                next = quartz.scheduleJob(job, t);
            } else if (existing instanceof SimpleTrigger st && st.getRepeatInterval() != intervalMs) {
                Date keepNext = st.getNextFireTime();
                Instant start = keepNext == null ? firstRun() : keepNext.toInstant();
                next = quartz.rescheduleJob(tkey, crawlTrigger(tkey, key, start));
            } else {
                next = existing.getNextFireTime();
            }
            if (next != null) registry.setNextRun(a.id(), next.toInstant());
        }
        for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(CRAWL_GROUP))) {
            if (!wanted.contains(key)) quartz.deleteJob(key);
        }
        return active.size();
    }

    private Trigger crawlTrigger(TriggerKey tkey, JobKey job, Instant start) {
        return TriggerBuilder.newTrigger().withIdentity(tkey).forJob(job).startAt(Date.from(start))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.crawlInterval().toMillis()).repeatForever()
                        // after downtime: one catch-up crawl now, not one per missed interval
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
    }

    private Instant firstRun() {
        long jitterMs = settings.jitter().toMillis();
        long offset = jitterMs <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMs + 1);
        return clock.instant().plusMillis(offset);
    }

    private void scheduleRecheck() throws SchedulerException {
        TriggerKey tkey = TriggerKey.triggerKey(RECHECK.getName(), SYSTEM_GROUP);
        Trigger t = TriggerBuilder.newTrigger().withIdentity(tkey).forJob(RECHECK)
                .startAt(Date.from(clock.instant().plus(settings.recheckInterval())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.recheckInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        Trigger existing = quartz.getTrigger(tkey);
        if (existing == null) {
            JobDetail job = JobBuilder.newJob(RecheckJob.class).withIdentity(RECHECK).withDescription("removal re-check")
                    .requestRecovery(true).build();
            if (quartz.checkExists(RECHECK)) quartz.deleteJob(RECHECK);
            quartz.scheduleJob(job, t);
        } else if (existing instanceof SimpleTrigger st && st.getRepeatInterval() != settings.recheckInterval().toMillis()) {
            quartz.rescheduleJob(tkey, t);
        }
    }

    /** Runs an account's crawl job now, outside its interval (the job still never overlaps itself). */
    public void crawlNow(long accountId) throws SchedulerException {
        quartz.triggerJob(crawlKey(accountId));
    }

    public static JobKey crawlKey(long accountId) {
        return JobKey.jobKey("account-" + accountId, CRAWL_GROUP);
    }

    /** Stops taking new runs and waits for the running crawls to finish. */
    @Override
    public void close() {
        try {
            if (!quartz.isShutdown()) quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the scheduler: " + e.getMessage(), e);
        }
    }
}
