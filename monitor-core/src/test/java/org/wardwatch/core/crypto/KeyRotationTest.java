package org.wardwatch.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;
import org.wardwatch.core.testing.TestImages;

/** Rotation moves every image and text to a new key, and an interrupted rotation is finished by the next. */
class KeyRotationTest {
    static final int IMAGES = 5;
    static final int POSTS = 250;

    @TempDir
    Path dir;

    Database db;
    MasterKey old;
    List<String> files = new ArrayList<>();
    List<byte[]> images = new ArrayList<>();

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    Path keyFile() {
        return dir.resolve("media.key");
    }

    KeyRecord record() {
        return new KeyRecord(db.jdbi(), Clock.systemUTC());
    }

    KeyRotation rotation() {
        return new KeyRotation(db, record(), keyFile(), dir, Map.of(), Clock.systemUTC());
    }

    MasterKey check() {
        return new KeyCheck(db.jdbi(), record(), keyFile(), dir, Map.of()).resolve();
    }

    /** A data directory with images and texts under its first key. */
    void fill(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        old = check();
        MediaVault vault = new MediaVault(dir, old.bytes());
        for (int i = 0; i < IMAGES; i++) {
            byte[] image = TestImages.png(20 + i, 20, new Color(40 * i, 90, 200));
            images.add(image);
            files.add(vault.store(image, MediaVault.sha256(image)));
        }
        ContentCipher cipher = new ContentCipher(old);
        for (int i = 0; i < POSTS; i++) {
            long post = LegacyRows.post(db, cipher.encrypt(ContentColumn.POST_TEXT, "Doreen's day " + i));
            LegacyRows.finding(db, post, cipher.encrypt(ContentColumn.FINDING_TEXT, "Doreen " + i));
        }
    }

    static KeyRotation.Progress failingAt(String where, int at) {
        return new KeyRotation.Progress() {
            int texts;

            @Override
            public void images(int done, int total) {
                if (where.equals("images") && done == at) throw new IllegalStateException("killed at image " + done);
            }

            @Override
            public void texts(ContentColumn column, long done) {
                if (where.equals("texts") && ++texts == at) throw new IllegalStateException("killed in " + column.field());
            }

            @Override
            public void keySwitched() {
                if (where.equals("switch")) throw new IllegalStateException("killed after the key moved");
            }
        };
    }

    static final KeyRotation.Progress QUIET = failingAt("nowhere", 0);

    /** Every image and text opens under {@code key} and none under the old key; the database and files agree. */
    void assertAllUnder(MasterKey key) throws Exception {
        MediaVault vault = new MediaVault(dir, key.bytes());
        MediaVault oldVault = new MediaVault(dir, old.bytes());
        for (int i = 0; i < IMAGES; i++) {
            assertThat(vault.read(files.get(i))).isEqualTo(images.get(i));
            assertThat(oldVault.opens(files.get(i))).isFalse();
        }
        ContentCipher cipher = new ContentCipher(key);
        List<String> texts = db.jdbi().withHandle(h -> h.createQuery("SELECT text FROM posts ORDER BY id").mapTo(String.class).list());
        List<String> spans = db.jdbi().withHandle(h -> h.createQuery("SELECT text FROM findings ORDER BY id").mapTo(String.class).list());
        for (int i = 0; i < POSTS; i++) {
            assertThat(cipher.decrypt(ContentColumn.POST_TEXT, texts.get(i))).isEqualTo("Doreen's day " + i);
            assertThat(cipher.decrypt(ContentColumn.FINDING_TEXT, spans.get(i))).isEqualTo("Doreen " + i);
        }
        assertThat(MasterKey.read(keyFile())).isEqualTo(key);
        assertThat(record().read().orElseThrow()).isEqualTo(new KeyRecord.State(KeyFingerprint.of(key), null,
                record().read().orElseThrow().plaintextSweptAt()));
        assertThat(check()).isEqualTo(key);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("media.key")).toList())
                    .as("no backup and no next key left").containsExactly("media.key");
        }
    }

    MasterKey newKey() throws Exception {
        return MasterKey.read(keyFile());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyImageAndTextMovesToTheNewKey(Kind kind) throws Exception {
        fill(kind);
        KeyRotation.Summary s = rotation().run(QUIET);
        assertThat(s.images()).isEqualTo(IMAGES);
        assertThat(s.texts()).isEqualTo(2L * POSTS);
        assertThat(s.resumed()).isFalse();
        assertThat(s.from()).isEqualTo(KeyFingerprint.of(old));
        assertThat(s.to()).isNotEqualTo(s.from()).isEqualTo(KeyFingerprint.of(newKey()));
        assertThat(s.backup().getFileName().toString()).matches("media\\.key\\.\\d{8}-\\d{6}\\.bak");
        assertAllUnder(newKey());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRotationKilledAmongTheImagesIsFinishedByTheNext(Kind kind) throws Exception {
        fill(kind);
        assertThatThrownBy(() -> rotation().run(failingAt("images", 3))).hasMessage("killed at image 3");
        // meanwhile: the old key is kept as a dated backup, the new one beside it, and nothing else starts
        try (var left = Files.list(dir)) {
            List<String> names = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("media.key")).toList();
            assertThat(names).contains("media.key", "media.key.next").anyMatch(n -> n.matches("media\\.key\\.\\d{8}-\\d{6}\\.bak"));
        }
        assertThat(MasterKey.read(keyFile())).isEqualTo(old);
        assertThatThrownBy(this::check).isInstanceOf(KeyException.class).hasMessageContaining("wardwatch keys rotate");

        KeyRotation.Summary s = rotation().run(QUIET);
        assertThat(s.resumed()).isTrue();
        assertThat(s.images()).isEqualTo(IMAGES - 3);
        assertAllUnder(newKey());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRotationKilledAmongTheTextsIsFinishedByTheNext(Kind kind) throws Exception {
        fill(kind);
        assertThatThrownBy(() -> rotation().run(failingAt("texts", 1))).hasMessage("killed in posts.text");
        KeyRotation.Summary s = rotation().run(QUIET);
        assertThat(s.resumed()).isTrue();
        assertThat(s.images()).isZero();
        assertThat(s.texts()).isEqualTo(2L * POSTS - 200);
        assertAllUnder(newKey());
    }

    @Test
    void aRotationKilledAfterTheKeyMovedIsFinishedFromTheBackup() throws Exception {
        fill(Kind.H2);
        assertThatThrownBy(() -> rotation().run(failingAt("switch", 0))).hasMessage("killed after the key moved");
        assertThat(MasterKey.read(keyFile())).isNotEqualTo(old);
        assertThat(record().read().orElseThrow().rotating()).isTrue();
        KeyRotation.Summary s = rotation().run(QUIET);
        assertThat(s.images()).isZero();
        assertThat(s.texts()).isZero();
        assertAllUnder(newKey());
    }

    @Test
    void aLostNewKeyStopsTheResumeWithWhatToRestore() throws Exception {
        fill(Kind.H2);
        assertThatThrownBy(() -> rotation().run(failingAt("images", 2))).hasMessage("killed at image 2");
        String next = record().read().orElseThrow().next();
        Files.delete(MasterKey.nextFile(keyFile()));
        assertThatThrownBy(() -> rotation().run(QUIET)).isInstanceOf(KeyException.class)
                .hasMessage("keys rotate: the new key (fingerprint " + next + ") is missing: " + MasterKey.nextFile(keyFile())
                        + " was removed during the rotation; restore it from your backup and run it again");
    }

    @Test
    void aKeyFromTheEnvironmentCannotBeRotated() throws Exception {
        fill(Kind.H2);
        KeyRotation fromEnv = new KeyRotation(db, record(), keyFile(), dir,
                Map.of(MasterKey.ENV, Base64.getEncoder().encodeToString(old.bytes())), Clock.systemUTC());
        assertThatThrownBy(() -> fromEnv.run(QUIET)).isInstanceOf(KeyException.class)
                .hasMessageStartingWith("keys rotate: the key comes from WARDWATCH_MEDIA_KEY, which WardWatch cannot rewrite");
        assertThat(record().read().orElseThrow().rotating()).isFalse();
    }
}
