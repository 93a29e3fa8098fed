package org.wardwatch.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins within the window, for one
 * user name or from one address, further attempts are refused until the oldest failure ages out.
 * Counting both keys stops guessing one account from many addresses and many accounts from one.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long until an attempt for this user from this address is allowed; zero when it is now. */
    public Duration wait(String username, String address) {
        Duration a = waitFor(userKey(username));
        Duration b = waitFor(addressKey(address));
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration waitFor(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return Duration.ZERO;
        synchronized (times) {
            prune(times);
            if (times.size() < maxFailures) return Duration.ZERO;
            Duration left = Duration.between(clock.instant(), times.peekFirst().plus(window));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            while (times.size() > maxFailures) times.removeFirst();
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) times.removeFirst();
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
