package org.wardwatch.core.digest;

import java.time.Duration;

/**
 * How often a digest is tried within one run, and how long to wait between tries: the delay starts
 * at {@code firstDelay} and is multiplied by {@code factor} after each failure.
 */
public record RetryPolicy(int attempts, Duration firstDelay, double factor) {
    /** Three tries, 30 seconds then 2 minutes apart: long enough for a mail server to restart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(30), 4.0);

    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        if (firstDelay.isNegative()) throw new IllegalArgumentException("negative delay: " + firstDelay);
        if (factor < 1) throw new IllegalArgumentException("factor must be at least 1: " + factor);
    }

    /** The wait after the given failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        return Duration.ofMillis(Math.round(firstDelay.toMillis() * Math.pow(factor, attempt - 1)));
    }
}
