package org.wardwatch.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.RegistryReader;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

class WardWatchSchedulerTest {
    static final String REGISTRY = """
            organisations:
              - name: Northfield
                ods: RXN
                accounts:
                  - {name: Willow Ward, kind: ward, platform: rss, handle: "https://willow.example/feed"}
                  - {name: Oak Ward, kind: ward, platform: rss, handle: "https://oak.example/feed"}
                  - {name: Trust, kind: trust, platform: mastodon, handle: "@northfield", baseUrl: "https://nhs.social"}
                  - {name: Ash Ward, kind: ward, platform: rss, handle: "https://ash.example/feed"}
            """;

    @TempDir
    Path dir;
    Database db;
    RegistryStore registry;
    WardWatchScheduler scheduler;

    void open(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        registry = new RegistryStore(db.jdbi(), Clock.systemUTC());
        registry.importFile(RegistryReader.parseYaml(REGISTRY, "accounts.yaml"));
    }

    @AfterEach
    void close() {
        if (scheduler != null) scheduler.close();
        if (db != null) db.close();
    }

    static ScheduleSettings settings(Duration interval, Duration jitter, int parallel, String name) {
        return new ScheduleSettings(interval, jitter, parallel, Duration.ofHours(12), name);
    }

    Map<JobKey, Date> crawlJobs(WardWatchScheduler s) throws Exception {
        Map<JobKey, Date> out = new java.util.HashMap<>();
        for (JobKey k : s.quartz().getJobKeys(GroupMatcher.jobGroupEquals(WardWatchScheduler.CRAWL_GROUP))) {
            List<? extends Trigger> t = s.quartz().getTriggersOfJob(k);
            out.put(k, t.get(0).getNextFireTime());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyActiveAccountGetsAJobThatSurvivesARestart(Kind kind) throws Exception {
        open(kind);
        String name = "test-" + UUID.randomUUID();
        Instant before = Instant.now();
        scheduler = new WardWatchScheduler(db, registry, settings(Duration.ofHours(6), Duration.ofMinutes(30), 2, name),
                id -> { }, () -> { }, Clock.systemUTC());
        assertThat(scheduler.syncAccounts()).isEqualTo(4);
        Map<JobKey, Date> first = crawlJobs(scheduler);
        assertThat(first).hasSize(4);
        // each first run lies somewhere in the jitter window
        assertThat(first.values()).allSatisfy(d -> assertThat(d.toInstant())
                .isBetween(before.minusSeconds(1), before.plus(Duration.ofMinutes(30)).plusSeconds(5)));
        assertThat(registry.list()).allSatisfy(a -> assertThat(a.health().nextRunAt()).isNotNull());
        scheduler.close();

        scheduler = new WardWatchScheduler(db, registry, settings(Duration.ofHours(6), Duration.ofMinutes(30), 2, name),
                id -> { }, () -> { }, Clock.systemUTC());
        assertThat(crawlJobs(scheduler)).isEqualTo(first);
        scheduler.syncAccounts();
        // a restart keeps each account's place in the schedule rather than drawing a new one
        assertThat(crawlJobs(scheduler)).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAccountThatIsNoLongerActiveLosesItsJobAndAChangedIntervalReschedules(Kind kind) throws Exception {
        open(kind);
        String name = "test-" + UUID.randomUUID();
        scheduler = new WardWatchScheduler(db, registry, settings(Duration.ofHours(6), Duration.ZERO, 2, name),
                id -> { }, null, Clock.systemUTC());
        scheduler.syncAccounts();
        long oak = registry.activeAccounts().stream().filter(a -> a.name().equals("Oak Ward")).findFirst().orElseThrow().id();
        db.jdbi().useHandle(h -> h.execute("UPDATE accounts SET active = FALSE WHERE id = ?", oak));
        scheduler.close();

        scheduler = new WardWatchScheduler(db, registry, settings(Duration.ofHours(2), Duration.ZERO, 2, name),
                id -> { }, null, Clock.systemUTC());
        assertThat(scheduler.syncAccounts()).isEqualTo(3);
        assertThat(crawlJobs(scheduler).keySet()).hasSize(3).doesNotContain(WardWatchScheduler.crawlKey(oak));
        for (JobKey k : crawlJobs(scheduler).keySet()) {
            assertThat(((org.quartz.SimpleTrigger) scheduler.quartz().getTriggersOfJob(k).get(0)).getRepeatInterval())
                    .isEqualTo(Duration.ofHours(2).toMillis());
        }
    }

    @Test
    void crawlsRunOnTheirIntervalNeverOverlapForOneAccountAndStayWithinTheParallelLimit() throws Exception {
        open(Kind.H2);
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger maxTotal = new AtomicInteger();
        AtomicInteger maxPerAccount = new AtomicInteger();
        LongConsumer crawl = id -> {
            int mine = running.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            int all = now.incrementAndGet();
            maxPerAccount.accumulateAndGet(mine, Math::max);
            maxTotal.accumulateAndGet(all, Math::max);
            try {
                // a crawl slower than the interval: the next run must wait for this one
                Thread.sleep(450);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            now.decrementAndGet();
            running.get(id).decrementAndGet();
        };
        scheduler = new WardWatchScheduler(db, registry, settings(Duration.ofMillis(200), Duration.ZERO, 2,
                "test-" + UUID.randomUUID()), crawl, null, Clock.systemUTC());
        scheduler.start();
        waitFor(() -> runs.size() == 4 && runs.values().stream().allMatch(n -> n.get() >= 2), Duration.ofSeconds(30));

        assertThat(maxPerAccount.get()).isEqualTo(1);
        assertThat(maxTotal.get()).isEqualTo(2);
        List<Account> accounts = registry.activeAccounts();
        assertThat(registry.list()).allSatisfy(a -> assertThat(a.health().nextRunAt()).isAfter(Instant.now().minusSeconds(30)));
        assertThat(accounts).hasSize(4);
    }

    @Test
    void theRecheckRunsOnItsOwnInterval() throws Exception {
        open(Kind.H2);
        AtomicInteger rechecks = new AtomicInteger();
        scheduler = new WardWatchScheduler(db, registry, new ScheduleSettings(Duration.ofHours(6), Duration.ofHours(1), 1,
                Duration.ofMillis(300), "test-" + UUID.randomUUID()), id -> { }, rechecks::incrementAndGet, Clock.systemUTC());
        scheduler.start();
        waitFor(() -> rechecks.get() >= 2, Duration.ofSeconds(20));
        assertThat(rechecks.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void otherPartsCanAddTheirOwnJobsWithDependencies() throws Exception {
        open(Kind.H2);
        AtomicInteger ran = new AtomicInteger();
        scheduler = new WardWatchScheduler(db, registry, settings(Duration.ofHours(6), Duration.ofHours(1), 1,
                "test-" + UUID.randomUUID()), id -> { }, null, Clock.systemUTC());
        scheduler.register(CountingJob.class, () -> new CountingJob(ran));
        scheduler.quartz().scheduleJob(org.quartz.JobBuilder.newJob(CountingJob.class).withIdentity("digest", "test").build(),
                org.quartz.TriggerBuilder.newTrigger().startNow().build());
        scheduler.start();
        waitFor(() -> ran.get() == 1, Duration.ofSeconds(20));
        assertThat(ran.get()).isEqualTo(1);
    }

    public static final class CountingJob implements org.quartz.Job {
        private final AtomicInteger ran;

        CountingJob(AtomicInteger ran) {
            this.ran = ran;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            ran.incrementAndGet();
        }
    }

    static void waitFor(BooleanSupplier condition, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) Thread.sleep(50);
    }
}
