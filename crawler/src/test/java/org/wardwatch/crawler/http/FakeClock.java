package org.wardwatch.crawler.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock whose sleeps return at once but move its time forward and are recorded, so a test can
 * check that the stack waited exactly until a platform's documented reset.
 */
public final class FakeClock implements HttpClock {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration d) {
        if (d.isNegative() || d.isZero()) return;
        sleeps.add(d);
        now = now.plus(d);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }
}
