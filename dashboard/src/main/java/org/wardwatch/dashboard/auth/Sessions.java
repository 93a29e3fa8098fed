package org.wardwatch.dashboard.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions of signed-in users, keyed by a random 256-bit id in an HttpOnly,
 * SameSite=Lax cookie. A session is made only by signing in (the sign-in form needs none:
 * {@link SignInTokens}), so visitors who are not signed in cost no memory. A session carries its own
 * CSRF token; signing in replaces the session (no fixation), signing out or idling past the timeout
 * ends it. Kept in memory: a restart signs everyone out, which is the safe failure.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    public Sessions(Duration idleTimeout, Duration maxAge, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A signed-in user's session. */
    public static final class Session {
        private final String id;
        private final String csrf;
        private final long userId;
        private final Instant created;
        private volatile Instant lastSeen;
        private volatile String flash;

        Session(String id, String csrf, long userId, Instant created) {
            this.id = id;
            this.csrf = csrf;
            this.userId = userId;
            this.created = created;
            this.lastSeen = created;
        }

        public String id() {
            return id;
        }

        public String csrf() {
            return csrf;
        }

        public long userId() {
            return userId;
        }

        /** A one-time message for the next page ("Case 12 confirmed"). */
        public void flash(String message) {
            this.flash = message;
        }

        public String takeFlash() {
            String f = flash;
            flash = null;
            return f;
        }

        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(
                    csrf.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    public Session create(long userId) {
        Session s = new Session(random(), random(), userId, clock.instant());
        byId.put(s.id, s);
        if (byId.size() % 256 == 0) sweep();
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (s.lastSeen.plus(idleTimeout).isBefore(now) || s.created.plus(maxAge).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) byId.remove(id);
    }

    /** Ends every session of a user (deactivated, password changed). */
    public void endAllOf(long userId) {
        byId.values().removeIf(s -> s.userId == userId);
    }

    /** Live sessions, expired ones not yet swept included. */
    public int count() {
        return byId.size();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private void sweep() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> s.lastSeen.plus(idleTimeout).isBefore(now) || s.created.plus(maxAge).isBefore(now));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
