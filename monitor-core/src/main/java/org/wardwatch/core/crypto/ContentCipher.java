package org.wardwatch.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Patient content as the database stores it: AES-256-GCM under a key derived from the master key for
 * this purpose alone, a fresh 12-byte nonce for every value, and the column's name as associated data.
 * A value reads {@code wwc1.<key fingerprint>.<base64 of nonce, ciphertext and tag>}: text, so it fits
 * the same columns on H2 and PostgreSQL, and naming its key, so a rotation can tell what it has done.
 * Nothing about the content but its rough length can be learnt from the database alone.
 */
public final class ContentCipher {
    private static final String VERSION = "wwc1";
    private static final Pattern ENCRYPTED = Pattern.compile("wwc1\\.[0-9a-f]{16}\\.[A-Za-z0-9+/=]+");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String fingerprint;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();

    public ContentCipher(MasterKey master) {
        this.key = new SecretKeySpec(master.derive("wardwatch content v1"), "AES");
        this.fingerprint = KeyFingerprint.of(master);
        this.prefix = VERSION + "." + fingerprint + ".";
    }

    /** @return the stored form, or null for null */
    public String encrypt(ContentColumn column, String plain) {
        if (plain == null) return null;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(column.field().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return prefix + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * @return the plain text, or null for null
     * @throws IllegalStateException naming the column (never the value) when the value is not this
     *                               key's ciphertext or was altered
     */
    public String decrypt(ContentColumn column, String stored) {
        if (stored == null) return null;
        if (!stored.startsWith(prefix)) {
            throw new IllegalStateException(column.field() + ": " + (isEncrypted(stored)
                    ? "encrypted under key " + stored.substring(5, 21) + ", not the current key " + fingerprint
                    : "holds a value that is not encrypted"));
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(prefix.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(column.field().getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(column.field() + ": a stored value cannot be decrypted (altered, or moved from another column)");
        }
    }

    /** Whether the value is this key's ciphertext. */
    public boolean encrypts(String stored) {
        return stored != null && stored.startsWith(prefix);
    }

    /** Whether the value has the form of ciphertext under any key. */
    public static boolean isEncrypted(String stored) {
        return stored != null && ENCRYPTED.matcher(stored).matches();
    }

    /** What every value under this key starts with, for SQL ({@code col LIKE prefix || '%'}). */
    public String prefix() {
        return prefix;
    }

    /** {@code wwc1.}: the start of every encrypted value, under any key. */
    public static String anyKeyPrefix() {
        return VERSION + ".";
    }

    public String fingerprint() {
        return fingerprint;
    }
}
