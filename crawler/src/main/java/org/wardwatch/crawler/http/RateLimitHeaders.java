package org.wardwatch.crawler.http;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import okhttp3.Response;

/**
 * Reads when a platform's rate-limit window resets, in each platform's dialect: {@code Retry-After}
 * (seconds or an HTTP date), Mastodon's {@code X-RateLimit-Reset} (an ISO-8601 time), Bluesky's
 * {@code RateLimit-Reset} (epoch seconds) and X's {@code x-rate-limit-reset} (epoch seconds).
 */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    /** Reset times below this are deltas in seconds (the IETF draft's meaning), not epoch seconds. */
    private static final long EPOCH_FLOOR = 1_000_000_000L;

    static Optional<Instant> resetAt(Response r, Instant now) {
        String retryAfter = r.header("Retry-After");
        if (retryAfter != null) {
            Optional<Instant> t = parseRetryAfter(retryAfter.trim(), now);
            if (t.isPresent()) return t;
        }
        for (String name : new String[]{"X-RateLimit-Reset", "RateLimit-Reset", "x-rate-limit-reset"}) {
            String v = r.header(name);
            if (v != null) {
                Optional<Instant> t = parseReset(v.trim(), now);
                if (t.isPresent()) return t;
            }
        }
        return Optional.empty();
    }

    /** True when the response says no requests are left in the current window. */
    static boolean exhausted(Response r) {
        for (String name : new String[]{"X-RateLimit-Remaining", "RateLimit-Remaining", "x-rate-limit-remaining"}) {
            String v = r.header(name);
            if (v != null) {
                try {
                    return Long.parseLong(v.trim()) <= 0;
                } catch (NumberFormatException ignored) {
                    // an unreadable header says nothing about the budget
                }
            }
        }
        return false;
    }

    static Optional<Instant> parseRetryAfter(String v, Instant now) {
        try {
            return Optional.of(now.plusSeconds(Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                return Optional.of(java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static Optional<Instant> parseReset(String v, Instant now) {
        try {
            double n = Double.parseDouble(v);
            long secs = (long) Math.ceil(n);
            return Optional.of(secs >= EPOCH_FLOOR ? Instant.ofEpochSecond(secs) : now.plus(Duration.ofSeconds(secs)));
        } catch (NumberFormatException e) {
            try {
                return Optional.of(OffsetDateTime.parse(v).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
