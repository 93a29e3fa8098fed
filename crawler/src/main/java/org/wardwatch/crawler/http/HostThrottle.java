package org.wardwatch.crawler.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Spaces requests to one host a little more than {@code 1 / requestsPerSecond} apart, whichever
 * thread sends them, and holds every request to a host that has told us its budget is spent until its reset.
 * Each request reserves the next free slot, so waiting threads queue fairly instead of racing.
 * Its waits are politeness, so they count against the account's deadline but not the call timeout.
 */
public final class HostThrottle implements Interceptor {
    private final HttpClock clock;
    private final long spacingNanos;
    private final Duration maxWait;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    HostThrottle(HttpClock clock, double requestsPerSecond, Duration maxWait) {
        this.clock = clock;
        this.spacingNanos = spacingNanos(requestsPerSecond);
        this.maxWait = maxWait;
    }

    /**
     * Requests are paced a tenth under the limit: a request whose connection is slow to open lands
     * late and bunches with the next, so exact pacing at our end would let the host see a second
     * with more requests than the limit.
     */
    static long spacingNanos(double requestsPerSecond) {
        return (long) Math.ceil(1_000_000_000L / (requestsPerSecond * 0.9));
    }

    private static final class Host {
        Instant nextSlot = Instant.EPOCH;
        Instant blockedUntil = Instant.EPOCH;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Duration wait = reserve(hostKey(request.url()));
        // a wait that outlasts the account's deadline fails now rather than hold the thread for nothing
        if (DeadlinePassed.outlasts(request, wait)) throw DeadlinePassed.duringWait(request, wait);
        clock.sleep(wait);
        requests.incrementAndGet();
        return chain.proceed(request);
    }

    /** Reserves this request's slot and returns how long to wait for it. */
    Duration reserve(String host) throws HttpProblem {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        synchronized (h) {
            Instant now = clock.now();
            Instant slot = now;
            if (h.nextSlot.isAfter(slot)) slot = h.nextSlot;
            if (h.blockedUntil.isAfter(slot)) {
                if (Duration.between(now, h.blockedUntil).compareTo(maxWait) > 0) {
                    throw new HttpProblem("rate limited by " + host + " until " + h.blockedUntil);
                }
                slot = h.blockedUntil;
            }
            h.nextSlot = slot.plusNanos(spacingNanos);
            return Duration.between(now, slot);
        }
    }

    /** A platform said its budget is spent until {@code until}; no request goes there before then. */
    void blockUntil(String host, Instant until) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        synchronized (h) {
            if (until.isAfter(h.blockedUntil)) h.blockedUntil = until;
        }
    }

    /** Requests sent through the throttle since the client was built (for the benchmark). */
    public long requestCount() {
        return requests.get();
    }

    static String hostKey(okhttp3.HttpUrl url) {
        return url.host() + ":" + url.port();
    }
}
