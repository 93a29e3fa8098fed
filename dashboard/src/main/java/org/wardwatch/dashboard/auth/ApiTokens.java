package org.wardwatch.dashboard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.dashboard.store.Rows;

/**
 * API tokens: 32 random bytes shown once, stored only as their SHA-256. A token is as strong as a
 * random key, so a fast hash is enough and lets every API call be checked by one index lookup. Every
 * token expires (90 days unless asked otherwise); issuing a new one revokes the user's earlier ones,
 * so a user holds one working token and a leaked old one is dead; revoking ends them all at once.
 */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "ww_";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;

    private final Jdbi jdbi;
    private final UserStore users;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, UserStore users, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.clock = clock;
    }

    /** A new token and what became of the user's earlier ones. */
    public record Issued(String token, Instant expiresAt, int revokedEarlier) {
    }

    /** A stored token as the admin page shows it (never the token itself). */
    public record Listed(long id, long userId, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean revoked,
                         Instant revokedAt) {
        public boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    public String issue(String username) {
        return issue(username, DEFAULT_DAYS).token();
    }

    /** Issues a new token for an enabled user, valid for {@code days}, revoking the user's earlier ones. */
    public Issued issue(String username, int days) {
        if (days < 1 || days > MAX_DAYS) throw new IllegalArgumentException("--days must be 1 to " + MAX_DAYS + ", not " + days);
        User user = users.byName(username).orElseThrow(() -> new IllegalArgumentException("no user " + username));
        if (!user.active()) throw new IllegalArgumentException("user " + username + " is disabled (wardwatch users enable " + username + ")");
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        int revoked = jdbi.inTransaction(h -> {
            int n = revokeAll(h, user.id(), now);
            h.createUpdate("""
                            INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at, revoked)
                            VALUES (:u, :hash, :now, :exp, FALSE)""")
                    .bind("u", user.id()).bind("hash", sha256(token)).bind("now", Rows.ts(now))
                    .bind("exp", Rows.ts(expires)).execute();
            return n;
        });
        return new Issued(token, expires, revoked);
    }

    /** Revokes every token of the user; returns how many were still unrevoked. */
    public int revokeAll(long userId) {
        return jdbi.withHandle(h -> revokeAll(h, userId, clock.instant()));
    }

    private static int revokeAll(org.jdbi.v3.core.Handle h, long userId, Instant now) {
        return h.createUpdate("UPDATE api_tokens SET revoked = TRUE, revoked_at = :now WHERE user_id = :u AND revoked = FALSE")
                .bind("now", Rows.ts(now)).bind("u", userId).execute();
    }

    /** The enabled user a presented token belongs to, if it is known, unexpired and not revoked. */
    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) return Optional.empty();
        String hash = sha256(token);
        Instant now = clock.instant();
        Optional<Long> userId = jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id FROM api_tokens WHERE token_hash = :hash AND revoked = FALSE AND expires_at > :now")
                .bind("hash", hash).bind("now", Rows.ts(now)).mapTo(Long.class).findOne());
        if (userId.isEmpty()) return Optional.empty();
        Optional<User> user = users.byId(userId.get()).filter(User::active);
        if (user.isPresent()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                    .bind("now", Rows.ts(now)).bind("hash", hash).execute());
        }
        return user;
    }

    public List<Listed> tokens() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, user_id, created_at, expires_at, last_used_at, revoked, revoked_at
                        FROM api_tokens ORDER BY user_id, created_at DESC, id DESC""")
                .map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getLong("user_id"), Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "expires_at"), Rows.instant(rs, "last_used_at"), rs.getBoolean("revoked"),
                        Rows.instant(rs, "revoked_at")))
                .list());
    }

    static String sha256(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
