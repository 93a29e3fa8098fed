package org.wardwatch.dashboard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.dashboard.store.Rows;

/**
 * API tokens: 32 random bytes shown once, stored only as their SHA-256. A token is as strong as a
 * random key, so a fast hash is enough and lets every API call be checked by one index lookup.
 */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "ww_";

    private final Jdbi jdbi;
    private final UserStore users;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, UserStore users, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.clock = clock;
    }

    /** Issues a new token for an active user and returns it; it is not stored anywhere in clear. */
    public String issue(String username) {
        User user = users.byName(username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
        if (!user.active()) throw new IllegalArgumentException("user " + username + " is deactivated");
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (user_id, token_hash, created_at, revoked)
                        VALUES (:u, :hash, :now, FALSE)""")
                .bind("u", user.id()).bind("hash", sha256(token)).bind("now", Rows.ts(clock.instant())).execute());
        return token;
    }

    /** The active user a presented token belongs to, if it is known and not revoked. */
    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) return Optional.empty();
        String hash = sha256(token);
        Optional<Long> userId = jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id FROM api_tokens WHERE token_hash = :hash AND revoked = FALSE")
                .bind("hash", hash).mapTo(Long.class).findOne());
        if (userId.isEmpty()) return Optional.empty();
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("now", Rows.ts(clock.instant())).bind("hash", hash).execute());
        return users.byId(userId.get()).filter(User::active);
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
