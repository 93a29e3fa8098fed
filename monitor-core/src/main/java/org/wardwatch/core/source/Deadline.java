package org.wardwatch.core.source;

import java.time.Duration;

/**
 * The moment by which a piece of network work must end, on the monotonic clock: a deadline is about
 * real elapsed time (a server trickling one byte a second), never about the wall clock a test fixes.
 */
public final class Deadline {
    /** No deadline: the per-request timeouts alone bound the work. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** The time left, never negative; {@link Duration#ZERO} once passed. Very long for {@link #NONE}. */
    public Duration remaining() {
        if (budget == null) return Duration.ofDays(365);
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean passed() {
        return budget != null && endNanos - System.nanoTime() <= 0;
    }

    /** The whole budget, for messages ("the account's deadline of 300 s passed"); null for {@link #NONE}. */
    public Duration budget() {
        return budget;
    }

    @Override
    public String toString() {
        return budget == null ? "no deadline" : "deadline of " + budget.toSeconds() + " s";
    }
}
