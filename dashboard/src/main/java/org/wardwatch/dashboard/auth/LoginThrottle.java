package org.wardwatch.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing: at most {@code maxFailures} sign-ins may fail within the window for one
 * user name, and as many from one address; past that, attempts are refused until the oldest failure
 * ages out. Counting both keys stops guessing one account from many addresses and many accounts from
 * one.
 *
 * <p>An attempt is counted as a failure when it is claimed, before its password is checked, and the
 * claim is taken back only by a success: so attempts sent all at once cannot each see room under the
 * limit and be checked, however many there are. Claims are made under one lock over both keys.
 */
public final class LoginThrottle {
    /** Past this many names and addresses held, expired ones are swept; if still full, new keys are refused (fail closed). */
    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** A claimed attempt (allowed) or a refusal with how long to wait. */
    public record Attempt(boolean allowed, Duration retryAfter, String userKey, String addressKey, Instant at) {
    }

    /** Claims one attempt for this name from this address, counting it as failed until {@link #succeeded}. */
    public synchronized Attempt claim(String username, String address) {
        String u = userKey(username), a = addressKey(address);
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) sweep(now);
        if (failures.size() >= MAX_KEYS && !(failures.containsKey(u) && failures.containsKey(a))) {
            return new Attempt(false, window, u, a, now);
        }
        Duration wait = max(waitFor(u, now), waitFor(a, now));
        if (!wait.isZero()) return new Attempt(false, wait, u, a, now);
        failures.computeIfAbsent(u, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(a, k -> new ArrayDeque<>()).addLast(now);
        return new Attempt(true, Duration.ZERO, u, a, now);
    }

    /** The password was right: the name's failures are forgotten, and this attempt no longer counts against the address. */
    public synchronized void succeeded(Attempt attempt) {
        failures.remove(attempt.userKey());
        release(attempt.addressKey(), attempt.at());
    }

    /** The password was never checked (the server was busy): the claim is given back. */
    public synchronized void unchecked(Attempt attempt) {
        release(attempt.userKey(), attempt.at());
        release(attempt.addressKey(), attempt.at());
    }

    /** How long until an attempt for this name from this address would be allowed; zero when it is now. */
    public synchronized Duration wait(String username, String address) {
        Instant now = clock.instant();
        return max(waitFor(userKey(username), now), waitFor(addressKey(address), now));
    }

    private Duration waitFor(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return Duration.ZERO;
        prune(times, now);
        if (times.isEmpty()) failures.remove(key);
        if (times.size() < maxFailures) return Duration.ZERO;
        Duration left = Duration.between(now, times.peekFirst().plus(window));
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }

    private void release(String key, Instant at) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return;
        times.removeLastOccurrence(at);
        if (times.isEmpty()) failures.remove(key);
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) times.removeFirst();
    }

    private void sweep(Instant now) {
        failures.values().forEach(times -> prune(times, now));
        failures.values().removeIf(Deque::isEmpty);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
