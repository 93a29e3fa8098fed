package org.wardwatch.core.testing;

import org.wardwatch.core.crypto.ContentCipher;
import org.wardwatch.core.crypto.MasterKey;

/** One random key per test run, for tests that need a vault or a cipher but not a key file. */
public final class TestKeys {
    public static final MasterKey KEY = MasterKey.generate("test key");

    private TestKeys() {
    }

    public static ContentCipher cipher() {
        return new ContentCipher(KEY);
    }

    public static byte[] bytes() {
        return KEY.bytes();
    }
}
