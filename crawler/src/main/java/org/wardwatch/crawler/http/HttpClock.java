package org.wardwatch.crawler.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The time the HTTP stack waits on. Politeness delays, backoff and rate-limit resets all go through
 * it, so tests can check that a documented reset time is honoured without sleeping through it.
 */
public interface HttpClock {
    Instant now();

    void sleep(Duration d) throws InterruptedIOException;

    static HttpClock system() {
        return new HttpClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration d) throws InterruptedIOException {
                if (d.isNegative() || d.isZero()) return;
                try {
                    Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting");
                }
            }
        };
    }
}
