package org.wardwatch.core.schedule;

import java.time.Duration;

import org.wardwatch.core.config.WardWatchConfig;

/**
 * How the schedule runs.
 *
 * @param crawlInterval    time between two crawls of one account
 * @param jitter           the most an account's first run is pushed back, so accounts (and hosts) are not all hit at once
 * @param parallel         crawls running at the same time (Quartz worker threads)
 * @param recheckInterval  time between two removal re-checks
 * @param instanceName     the Quartz scheduler name: every node of one installation uses the same one
 */
public record ScheduleSettings(Duration crawlInterval, Duration jitter, int parallel, Duration recheckInterval,
                               String instanceName) {
    public ScheduleSettings {
        if (crawlInterval.isZero() || crawlInterval.isNegative()) throw new IllegalArgumentException("crawl interval must be positive");
        if (parallel < 1) throw new IllegalArgumentException("crawl.parallel must be at least 1");
        jitter = jitter.isNegative() ? Duration.ZERO : jitter;
        instanceName = instanceName == null || instanceName.isBlank() ? "WardWatch" : instanceName;
    }

    public static ScheduleSettings from(WardWatchConfig config) {
        return new ScheduleSettings(Duration.ofMinutes(config.crawl().intervalMinutes()),
                Duration.ofMinutes(config.crawl().jitterMinutes()), config.crawl().parallel(),
                Duration.ofMinutes(config.recheck().intervalMinutes()), "WardWatch");
    }
}
