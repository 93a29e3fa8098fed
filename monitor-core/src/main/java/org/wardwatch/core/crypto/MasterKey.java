package org.wardwatch.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.wardwatch.core.files.OwnerOnly;

/**
 * The one secret of an installation: 32 random bytes, from {@code WARDWATCH_MEDIA_KEY} (base64) or
 * from the key file (base64 text, {@code <data>/media.key} unless configured). Stored images are
 * encrypted with it directly, as they always were; every other key is derived from it with
 * HKDF-SHA256 under its own purpose, so one backed-up key restores everything and no derived key
 * tells anything about another.
 */
public final class MasterKey {
    /** The environment variable that holds the key instead of a file. */
    public static final String ENV = "WARDWATCH_MEDIA_KEY";

    private final byte[] bytes;
    private final String source;

    private MasterKey(byte[] bytes, String source) {
        if (bytes.length != 32) throw new IllegalArgumentException(source + ": the key must be 32 bytes, got " + bytes.length);
        this.bytes = bytes.clone();
        this.source = source;
    }

    public static MasterKey of(byte[] bytes, String source) {
        return new MasterKey(bytes, source);
    }

    /** A new random key, not yet written anywhere. */
    public static MasterKey generate(String source) {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new MasterKey(b, source);
    }

    /** The key from the environment when it names one, else from the key file when it exists. */
    public static Optional<MasterKey> find(Path keyFile, Map<String, String> env) throws KeyException {
        String value = env.get(ENV);
        if (value != null && !value.isBlank()) return Optional.of(decode(value.strip(), ENV));
        if (!Files.exists(keyFile)) return Optional.empty();
        return Optional.of(read(keyFile));
    }

    /** Where a rotation keeps the new key until everything is encrypted under it: {@code media.key.next}. */
    public static Path nextFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".next");
    }

    /** Whether the key comes from the environment, which WardWatch can read but never rewrite. */
    public static boolean fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        return value != null && !value.isBlank();
    }

    public static MasterKey read(Path keyFile) throws KeyException {
        try {
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new KeyException(keyFile + ": the media key cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes the key to a file that must not exist yet, owner-only and flushed to disk before this
     * returns: data is encrypted under a key only once the key is safely stored.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists (a key is never replaced)
     */
    public MasterKey writeNew(Path keyFile) throws IOException {
        OwnerOnly.create(keyFile, (Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
        return new MasterKey(bytes, keyFile.toString());
    }

    private static MasterKey decode(String base64, String where) throws KeyException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeyException(where + ": the media key is not base64 (expected 32 random bytes in base64)");
        }
        if (key.length != 32) {
            throw new KeyException(where + ": the media key must be 32 bytes of base64, got " + key.length + " bytes");
        }
        return new MasterKey(key, where);
    }

    /** A key for one purpose (HKDF-SHA256, RFC 5869, with an empty salt and the purpose as info). */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(bytes);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The raw key, for the media vault. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Where the key came from: the key file's path or WARDWATCH_MEDIA_KEY. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        // never the key itself
        return "MasterKey[" + KeyFingerprint.of(this) + " from " + source + "]";
    }
}
