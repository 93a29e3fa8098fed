package org.wardwatch.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void fiveFailuresLockTheNameUntilTheWindowPasses() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) t.failed("alice", "10.0.0." + i);
        assertThat(t.wait("alice", "10.0.0.9")).isZero();
        t.failed("alice", "10.0.0.5");
        assertThat(t.wait("alice", "10.0.0.9")).isPositive();
        assertThat(t.wait("bob", "10.0.0.9")).isZero();
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(t.wait("alice", "10.0.0.9")).isZero();
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedToo() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 5; i++) t.failed("user" + i, "10.1.1.1");
        assertThat(t.wait("someone-else", "10.1.1.1")).isPositive();
        assertThat(t.wait("someone-else", "10.1.1.2")).isZero();
    }

    @Test
    void aSuccessClearsTheNamesFailures() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) t.failed("alice", "10.0.0." + i);
        t.succeeded("alice");
        t.failed("alice", "10.0.0.7");
        assertThat(t.wait("alice", "10.0.0.8")).isZero();
    }
}
