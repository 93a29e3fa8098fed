package org.wardwatch.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A short name for a key that can be stored beside the data it encrypts: the first 16 hex characters
 * of the SHA-256 of a value derived from the key for this purpose alone, so it tells nothing about
 * the key or the keys derived from it, yet a different key gives a different name.
 */
public final class KeyFingerprint {
    private KeyFingerprint() {
    }

    public static String of(MasterKey key) {
        try {
            byte[] check = MessageDigest.getInstance("SHA-256").digest(key.derive("wardwatch key fingerprint v1"));
            return HexFormat.of().formatHex(check).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
