package org.wardwatch.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
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

/** Which key a start may use: the recorded one, or a new one only where nothing is encrypted yet. */
class KeyCheckTest {
    @TempDir
    Path dir;

    Database db;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    Path keyFile() {
        return dir.resolve("media.key");
    }

    KeyCheck check(Map<String, String> env) {
        return new KeyCheck(db.jdbi(), new KeyRecord(db.jdbi(), Clock.systemUTC()), keyFile(), dir, env);
    }

    KeyCheck check() {
        return check(Map.of());
    }

    String recorded() {
        return new KeyRecord(db.jdbi(), Clock.systemUTC()).read().orElseThrow().fingerprint();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFirstStartMakesAnOwnerOnlyKeyAndRecordsItsFingerprint(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        MasterKey key = check().resolve();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        assertThat(recorded()).isEqualTo(KeyFingerprint.of(key));
        assertThat(Files.readString(keyFile())).doesNotContain(recorded());
        assertThat(check().resolve()).isEqualTo(key);
        assertThat(MasterKey.read(keyFile())).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeletedKeyWithImagesStoredIsRefusedAndNeverReplaced(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        MasterKey key = check().resolve();
        byte[] image = TestImages.png(20, 20, Color.RED);
        new MediaVault(dir, key.bytes()).store(image, MediaVault.sha256(image));
        Files.delete(keyFile());

        assertThatThrownBy(() -> check().resolve()).isInstanceOf(KeyException.class)
                .hasMessage("media key missing: " + keyFile() + " does not exist and WARDWATCH_MEDIA_KEY is not set, but the "
                        + "images and texts in " + dir + " are encrypted under key " + KeyFingerprint.of(key)
                        + "; restore the key file from your backup (WardWatch never makes a new key over encrypted data)");
        assertThat(Files.exists(keyFile())).isFalse();
        assertThat(recorded()).isEqualTo(KeyFingerprint.of(key));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeletedKeyWithEncryptedTextStoredIsRefused(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        MasterKey key = check().resolve();
        LegacyRows.post(db, new ContentCipher(key).encrypt(ContentColumn.POST_TEXT, "Doreen"));
        Files.delete(keyFile());
        assertThatThrownBy(() -> check().resolve()).isInstanceOf(KeyException.class).hasMessageStartingWith("media key missing: ");
        assertThat(Files.exists(keyFile())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDifferentKeyIsRefusedNamingTheFileAndBothFingerprints(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        MasterKey key = check().resolve();
        Files.delete(keyFile());
        MasterKey other = MasterKey.generate("x").writeNew(keyFile());
        assertThatThrownBy(() -> check().resolve()).isInstanceOf(KeyException.class)
                .hasMessage("media key " + keyFile() + " (fingerprint " + KeyFingerprint.of(other) + ") is not the key this "
                        + "database is encrypted with (fingerprint " + KeyFingerprint.of(key) + "): restore the right key file "
                        + keyFile() + " from your backup; WardWatch does not start with another key");
        assertThat(MasterKey.read(keyFile())).isEqualTo(other);
    }

    @Test
    void aWrongKeyInTheEnvironmentIsNamedAsSuch() throws Exception {
        db = TestDatabases.h2(dir);
        check().resolve();
        String other = Base64.getEncoder().encodeToString(MasterKey.generate("x").bytes());
        assertThatThrownBy(() -> check(Map.of(MasterKey.ENV, other)).resolve()).isInstanceOf(KeyException.class)
                .hasMessageStartingWith("media key WARDWATCH_MEDIA_KEY (fingerprint ")
                .hasMessageEndingWith("restore the right key (WARDWATCH_MEDIA_KEY) from your backup; WardWatch does not start with another key");
    }

    @Test
    void theEnvironmentKeyWinsOverTheFileAndIsNeverWritten() throws Exception {
        db = TestDatabases.h2(dir);
        MasterKey env = MasterKey.generate("env");
        MasterKey key = check(Map.of(MasterKey.ENV, Base64.getEncoder().encodeToString(env.bytes()))).resolve();
        assertThat(key).isEqualTo(env);
        assertThat(key.source()).isEqualTo("WARDWATCH_MEDIA_KEY");
        assertThat(Files.exists(keyFile())).isFalse();
    }

    @Test
    void imagesStoredBeforeKeysWereRecordedMustOpenUnderTheKey() throws Exception {
        db = TestDatabases.h2(dir);
        MasterKey theirs = MasterKey.generate("old");
        byte[] image = TestImages.png(20, 20, Color.BLUE);
        new MediaVault(dir, theirs.bytes()).store(image, MediaVault.sha256(image));
        MasterKey.generate("wrong").writeNew(keyFile());
        assertThatThrownBy(() -> check().resolve()).isInstanceOf(KeyException.class)
                .hasMessageStartingWith("media key " + keyFile() + " does not open the stored images (media/")
                .hasMessageEndingWith("): it is not their key; restore the right key file " + keyFile() + " from your backup");
        assertThat(new KeyRecord(db.jdbi(), Clock.systemUTC()).read()).isEmpty();

        Files.delete(keyFile());
        theirs.writeNew(keyFile());
        assertThat(check().resolve()).isEqualTo(theirs);
        assertThat(recorded()).isEqualTo(KeyFingerprint.of(theirs));
    }

    @Test
    void aMissingKeyOverNothingEncryptedIsReplacedAndRecorded() throws Exception {
        db = TestDatabases.h2(dir);
        MasterKey first = check().resolve();
        Files.delete(keyFile());
        MasterKey second = check().resolve();
        assertThat(second).isNotEqualTo(first);
        assertThat(recorded()).isEqualTo(KeyFingerprint.of(second));
    }

    @Test
    void anUnfinishedRotationStopsEveryStart() throws Exception {
        db = TestDatabases.h2(dir);
        MasterKey key = check().resolve();
        new KeyRecord(db.jdbi(), Clock.systemUTC()).startRotation(KeyFingerprint.of(key), "0123456789abcdef");
        assertThatThrownBy(() -> check().resolve()).isInstanceOf(KeyException.class)
                .hasMessage("a key rotation was interrupted: run 'wardwatch keys rotate' to finish it before anything else ("
                        + keyFile() + " and " + keyFile() + ".next hold the two keys)");
    }

    @Test
    void aKeyFileThatIsNotAKeyIsOneLine() throws Exception {
        db = TestDatabases.h2(dir);
        Files.writeString(keyFile(), "not base64 at all!\n");
        assertThatThrownBy(() -> check().resolve()).isInstanceOf(KeyException.class)
                .hasMessage(keyFile() + ": the media key is not base64 (expected 32 random bytes in base64)");
    }
}
