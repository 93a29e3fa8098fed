package org.wardwatch.dashboard.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j), at the OWASP-recommended cost of 19 MiB, two
 * passes, one lane. The parameters travel inside each encoded hash, so they can be raised later
 * without invalidating stored passwords.
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private static final String DECOY = Password.hash("decoy-password").addRandomSalt(16).with(ARGON2ID).getResult();

    public static final int MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

    private Passwords() {
    }

    public static String hash(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
        }
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean verify(CharSequence password, String hash) {
        if (password == null) return false;
        if (hash == null) {
            Password.check(password, DECOY).with(ARGON2ID);
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
