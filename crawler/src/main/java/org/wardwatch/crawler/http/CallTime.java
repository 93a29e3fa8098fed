package org.wardwatch.crawler.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request tag: the time one call may still spend talking to servers. It is the call timeout less
 * what the call's exchanges (every try, every redirect hop, its robots.txt) have taken so far; the
 * waits between them are politeness, not the server's slowness, and are not counted. Measured on
 * the monotonic clock, because a trickling server is about real time, not the clock a test fixes.
 */
final class CallTime {
    private final Duration limit;
    private final AtomicLong spentNanos = new AtomicLong();

    CallTime(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    Duration remaining() {
        long left = limit.toNanos() - spentNanos.get();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean spent() {
        return remaining().isZero();
    }

    void spend(long nanos) {
        spentNanos.addAndGet(nanos);
    }

    /** A duration as messages give it: {@code 120 s}, {@code 1.5 s}. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
    }
}
