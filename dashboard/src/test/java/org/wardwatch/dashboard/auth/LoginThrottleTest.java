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
    void fiveClaimsLockTheNameUntilTheWindowPasses() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) assertThat(t.claim("alice", "10.0.0." + i).allowed()).isTrue();
        assertThat(t.wait("alice", "10.0.0.9")).isZero();
        assertThat(t.claim("alice", "10.0.0.5").allowed()).isTrue();
        LoginThrottle.Attempt refused = t.claim("alice", "10.0.0.9");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(t.claim("bob", "10.0.0.9").allowed()).isTrue();
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(t.claim("alice", "10.0.0.9").allowed()).isTrue();
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedToo() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 5; i++) t.claim("user" + i, "10.1.1.1");
        assertThat(t.claim("someone-else", "10.1.1.1").allowed()).isFalse();
        assertThat(t.claim("someone-else", "10.1.1.2").allowed()).isTrue();
    }

    @Test
    void aSuccessClearsTheNamesFailuresAndGivesTheAddressItsClaimBack() {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) t.claim("alice", "10.0.0.1");
        t.succeeded(t.claim("alice", "10.0.0.1"));
        assertThat(t.claim("alice", "10.0.0.1").allowed()).isTrue();
        // the address holds its four failures and the last claim: one more is refused
        assertThat(t.claim("carol", "10.0.0.1").allowed()).isFalse();
    }

    @Test
    void aClaimThatWasNeverCheckedIsGivenBack() {
        LoginThrottle t = new LoginThrottle(1, Duration.ofMinutes(15), clock);
        LoginThrottle.Attempt a = t.claim("alice", "10.0.0.1");
        assertThat(t.claim("alice", "10.0.0.2").allowed()).isFalse();
        t.unchecked(a);
        assertThat(t.claim("alice", "10.0.0.2").allowed()).isTrue();
    }

    @Test
    void claimsMadeAllAtOnceNeverExceedTheLimit() throws Exception {
        LoginThrottle t = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return t.claim("alice", "10.0.0." + (n % 50)).allowed();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (var f : answers) if (f.get(30, java.util.concurrent.TimeUnit.SECONDS)) allowed++;
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
