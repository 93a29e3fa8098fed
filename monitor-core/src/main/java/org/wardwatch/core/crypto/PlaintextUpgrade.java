package org.wardwatch.core.crypto;

import org.jdbi.v3.core.Jdbi;

/**
 * Once per database, at the first start of a version that encrypts content: everything an older
 * version stored in the clear is encrypted under the current key ({@link ContentSweep}), and the
 * database records that it is done, so later starts do not scan the tables again. Interrupted, it
 * is simply run again by the next start.
 */
public final class PlaintextUpgrade {
    private final Jdbi jdbi;
    private final ContentCipher cipher;
    private final KeyRecord record;

    public PlaintextUpgrade(Jdbi jdbi, ContentCipher cipher, KeyRecord record) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.record = record;
    }

    /** @return the values encrypted now; 0 when the database was swept before */
    public long run() {
        KeyRecord.State state = record.read().orElseThrow(() -> new IllegalStateException("no key recorded yet"));
        if (state.plaintextSweptAt() != null) return 0;
        long n = new ContentSweep(jdbi, cipher, null).run((column, values) -> { });
        record.markPlaintextSwept();
        return n;
    }
}
