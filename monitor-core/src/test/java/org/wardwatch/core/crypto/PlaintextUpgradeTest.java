package org.wardwatch.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;

/** Content an older version stored in the clear is encrypted at the first start, and none stays behind. */
class PlaintextUpgradeTest {
    static final String CAPTION = "Zebrafinch Quillon turned 80 on Willow Ward today";

    @TempDir
    Path dir;

    Database db;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    KeyRecord record() {
        return new KeyRecord(db.jdbi(), Clock.systemUTC());
    }

    MasterKey start() {
        return new KeyCheck(db.jdbi(), record(), dir.resolve("media.key"), dir, Map.of()).resolve();
    }

    String raw(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyContentColumnIsEncryptedOnceAndDecryptsToWhatWasThere(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        long post = LegacyRows.post(db, CAPTION, "[\"a cake with Zebrafinch's name\"]", "[\"sensitive\"]",
                "[{\"kind\":\"quote\",\"text\":\"Zebrafinch again\",\"url\":null}]");
        LegacyRows.media(db, post, "Zebrafinch blowing out candles");
        LegacyRows.finding(db, post, "Zebrafinch");

        MasterKey key = start();
        ContentCipher cipher = new ContentCipher(key);
        assertThat(new PlaintextUpgrade(db.jdbi(), cipher, record()).run()).isEqualTo(6);

        for (ContentColumn c : ContentColumn.values()) {
            String stored = raw("SELECT " + c.column() + " FROM " + c.table());
            assertThat(stored).as(c.field()).startsWith(cipher.prefix()).doesNotContain("Zebrafinch");
        }
        assertThat(cipher.decrypt(ContentColumn.POST_TEXT, raw("SELECT text FROM posts"))).isEqualTo(CAPTION);
        assertThat(cipher.decrypt(ContentColumn.MEDIA_ALT_TEXT, raw("SELECT alt_text FROM media"))).isEqualTo("Zebrafinch blowing out candles");
        assertThat(cipher.decrypt(ContentColumn.FINDING_TEXT, raw("SELECT text FROM findings"))).isEqualTo("Zebrafinch");
        assertThat(cipher.decrypt(ContentColumn.POST_ATTACHED_TEXTS, raw("SELECT attached_texts FROM posts"))).contains("Zebrafinch again");
        assertThat(record().read().orElseThrow().plaintextSweptAt()).isNotNull();
        assertThat(new ContentSweep(db.jdbi(), cipher, null).remaining()).isZero();

        // later starts do not sweep again (and would find nothing to do)
        assertThat(new PlaintextUpgrade(db.jdbi(), cipher, record()).run()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void caseReasonsLoseTheSpansTheyQuoted(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        long post = LegacyRows.post(db, CAPTION);
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, signals, "
                        + "status, created_at, updated_at) SELECT :p, a.organisation_id, a.id, 0.9, :r, 'PERSON_NAME', 'open', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM accounts a")
                .bind("p", post).bind("r", "[\"caption names a patient: 'Zebrafinch'\",\"2 faces\",\"ward account\"]").execute());
        new PlaintextUpgrade(db.jdbi(), new ContentCipher(start()), record()).run();
        assertThat(raw("SELECT reasons FROM cases"))
                .isEqualTo("[\"caption names a patient {caption:PERSON_NAME}\",\"2 faces\",\"ward account\"]");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSweepInterruptedMidWayIsFinishedByTheNextWithNothingEncryptedTwice(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        long post = LegacyRows.post(db, CAPTION);
        for (int i = 0; i < 450; i++) LegacyRows.finding(db, post, "Zebrafinch " + i);
        ContentCipher cipher = new ContentCipher(start());

        ContentSweep sweep = new ContentSweep(db.jdbi(), cipher, null);
        assertThatThrownBy(() -> sweep.run((column, done) -> {
            if (column == ContentColumn.FINDING_TEXT && done >= 200) throw new IllegalStateException("killed");
        })).hasMessage("killed");
        assertThat(sweep.remaining(ContentColumn.FINDING_TEXT)).isEqualTo(250);
        assertThat(sweep.remaining(ContentColumn.POST_TEXT)).isZero();

        assertThat(new PlaintextUpgrade(db.jdbi(), cipher, record()).run()).isEqualTo(250);
        List<String> texts = db.jdbi().withHandle(h -> h.createQuery("SELECT text FROM findings ORDER BY id").mapTo(String.class).list());
        assertThat(texts).hasSize(450).allSatisfy(t -> assertThat(t).startsWith(cipher.prefix()));
        for (int i = 0; i < 450; i++) {
            assertThat(cipher.decrypt(ContentColumn.FINDING_TEXT, texts.get(i))).isEqualTo("Zebrafinch " + i);
        }
    }

    @Test
    void afterTheUpgradeTheEmbeddedDatabaseFileHoldsNoCopyOfTheOldText() throws Exception {
        db = TestDatabases.h2(dir);
        for (int i = 0; i < 300; i++) LegacyRows.post(db, CAPTION + " #" + i + " " + "padding ".repeat(50));
        ContentCipher cipher = new ContentCipher(start());
        assertThat(new PlaintextUpgrade(db.jdbi(), cipher, record()).run()).isEqualTo(300);
        assertThat(db.compact()).isTrue();
        // the pool works on after the rewrite, on a file that is owner-only again
        assertThat(cipher.decrypt(ContentColumn.POST_TEXT, raw("SELECT text FROM posts ORDER BY id FETCH FIRST 1 ROWS ONLY")))
                .startsWith(CAPTION);
        assertThat(grep(dir.resolve("db"), "Zebrafinch")).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("db").resolve("wardwatch.mv.db")))).isEqualTo("rw-------");
    }

    /** Occurrences of a word in every file under a folder, read as bytes. */
    static long grep(Path folder, String word) throws Exception {
        byte[] needle = word.getBytes(StandardCharsets.UTF_8);
        long hits = 0;
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                String w = new String(needle, StandardCharsets.ISO_8859_1);
                for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) hits++;
            }
        }
        return hits;
    }
}
