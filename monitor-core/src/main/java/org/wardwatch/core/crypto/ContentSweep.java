package org.wardwatch.core.crypto;

import java.util.List;

import org.jdbi.v3.core.Jdbi;

/**
 * Brings every stored content value under one key: text an older version stored in the clear is
 * encrypted, and values under the key a rotation retires are re-encrypted. It works through each
 * column in batches by id, and writes a row only if it still holds what was read (a row the pipeline
 * rewrote meanwhile is already under the current key), so a crash at any point loses nothing and
 * running it again goes on where it stopped: what is done is recognisable by its key's prefix.
 */
public final class ContentSweep {
    private static final int BATCH = 200;

    /** Told after each batch how many values of a column are done so far. */
    @FunctionalInterface
    public interface Progress {
        void done(ContentColumn column, long values);
    }

    private final Jdbi jdbi;
    private final ContentCipher target;
    private final ContentCipher retiring;

    /**
     * @param retiring the key a rotation moves away from; null when only plaintext is to be encrypted
     *                 (then anything not under {@code target} is plaintext: no other key ever existed)
     */
    public ContentSweep(Jdbi jdbi, ContentCipher target, ContentCipher retiring) {
        this.jdbi = jdbi;
        this.target = target;
        this.retiring = retiring;
    }

    /** Values not yet under the target key, over every content column. */
    public long remaining() {
        long n = 0;
        for (ContentColumn c : ContentColumn.values()) n += remaining(c);
        return n;
    }

    public long remaining(ContentColumn c) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + c.table() + " WHERE " + c.column()
                + " IS NOT NULL AND " + c.column() + " NOT LIKE :p").bind("p", target.prefix() + "%").mapTo(Long.class).one());
    }

    /** @return the values written */
    public long run(Progress progress) {
        long total = 0;
        for (ContentColumn c : ContentColumn.values()) total += sweep(c, progress);
        return total;
    }

    private record Row(long id, String value) {
    }

    private long sweep(ContentColumn c, Progress progress) {
        long after = Long.MIN_VALUE;
        long done = 0;
        while (true) {
            long from = after;
            List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT id, " + c.column() + " FROM " + c.table()
                            + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE :p AND id > :after "
                            + "ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")
                    .bind("p", target.prefix() + "%").bind("after", from)
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2))).list());
            if (rows.isEmpty()) return done;
            for (Row r : rows) {
                String stored = target.encrypt(c, plain(c, r));
                done += jdbi.withHandle(h -> h.createUpdate("UPDATE " + c.table() + " SET " + c.column() + " = :new WHERE id = :id AND "
                        + c.column() + " = :old").bind("new", stored).bind("id", r.id()).bind("old", r.value()).execute());
                after = r.id();
            }
            progress.done(c, done);
        }
    }

    private String plain(ContentColumn c, Row r) {
        if (retiring == null) return r.value();
        if (retiring.encrypts(r.value())) return retiring.decrypt(c, r.value());
        if (ContentCipher.isEncrypted(r.value())) {
            throw new KeyException(c.field() + " row " + r.id() + " is encrypted under key " + r.value().substring(5, 21)
                    + ", which is neither the current key " + retiring.fingerprint() + " nor the new key " + target.fingerprint());
        }
        return r.value();
    }
}
