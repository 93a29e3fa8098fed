package org.wardwatch.dashboard.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection for the sign-in form without a server-side session, so a visitor who is not signed
 * in costs the server no memory: the token is random, carries its expiry, and is signed with a key
 * made when the process starts; it goes both in a cookie and in the form, and a sign-in is accepted
 * only when the two are equal and the signature holds (a signed double submit). A restart makes old
 * forms expire, which is the safe failure.
 */
public final class SignInTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    public SignInTokens(Duration lifetime, Clock clock) {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue() {
        ByteBuffer payload = ByteBuffer.allocate(24);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        payload.put(nonce).putLong(clock.instant().plus(lifetime).getEpochSecond());
        String body = B64.encodeToString(payload.array());
        return body + "." + mac(body);
    }

    /** Signed by this process and not yet expired. */
    public boolean valid(String token) {
        if (token == null || token.length() > 200) return false;
        int dot = token.indexOf('.');
        if (dot <= 0) return false;
        String body = token.substring(0, dot);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) return false;
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return payload.length == 24 && ByteBuffer.wrap(payload, 16, 8).getLong() > clock.instant().getEpochSecond();
    }

    /** The cookie's token is valid and the form presented the same one. */
    public boolean matches(String cookie, String presented) {
        return valid(cookie) && presented != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return B64.encodeToString(m.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
