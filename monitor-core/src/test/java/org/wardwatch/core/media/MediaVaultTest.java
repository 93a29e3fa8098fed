package org.wardwatch.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.testing.TestImages;
import org.wardwatch.core.testing.TestKeys;

class MediaVaultTest {
    @TempDir
    Path dir;

    @Test
    void encryptedImageRoundTrips() throws Exception {
        MediaVault vault = new MediaVault(dir, TestKeys.bytes());
        byte[] image = TestImages.jpeg(64, 48, Color.RED);
        String path = vault.store(image, MediaVault.sha256(image));
        assertThat(vault.read(path)).isEqualTo(image);
    }

    @Test
    void storedFileIsNotReadableAsAnImageWithoutTheKey() throws Exception {
        MediaVault vault = new MediaVault(dir, TestKeys.bytes());
        byte[] image = TestImages.png(64, 48, Color.BLUE);
        String path = vault.store(image, MediaVault.sha256(image));
        byte[] onDisk = Files.readAllBytes(dir.resolve(path));

        assertThat(ImageIO.read(new ByteArrayInputStream(onDisk))).isNull();
        assertThat(ImageSniffer.sniff(onDisk)).isNull();
        // no run of the plain image's bytes survives in the file
        assertThat(indexOf(onDisk, Arrays.copyOfRange(image, 16, 48))).isEqualTo(-1);

        MediaVault otherKey = new MediaVault(dir, new byte[32]);
        assertThatThrownBy(() -> otherKey.read(path)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void alteredFileFailsToOpen() throws Exception {
        MediaVault vault = new MediaVault(dir, TestKeys.bytes());
        byte[] image = TestImages.png(32, 32, Color.GREEN);
        String path = vault.store(image, MediaVault.sha256(image));
        byte[] onDisk = Files.readAllBytes(dir.resolve(path));
        onDisk[onDisk.length - 20] ^= 1;
        Files.write(dir.resolve(path), onDisk);
        assertThatThrownBy(() -> vault.read(path)).isInstanceOf(IOException.class);
    }

    @Test
    void sameImageIsStoredOnce() throws Exception {
        MediaVault vault = new MediaVault(dir, TestKeys.bytes());
        byte[] image = TestImages.png(32, 32, Color.GREEN);
        String sha = MediaVault.sha256(image);
        assertThat(vault.store(image, sha)).isEqualTo(vault.store(image, sha));
        try (var files = Files.walk(dir.resolve("media"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void anImageIsReEncryptedUnderANewKeyInPlace() throws Exception {
        MediaVault old = new MediaVault(dir, TestKeys.bytes());
        byte[] image = TestImages.png(32, 32, Color.ORANGE);
        String path = old.store(image, MediaVault.sha256(image));
        MediaVault fresh = new MediaVault(dir, org.wardwatch.core.crypto.MasterKey.generate("new").bytes());
        assertThat(fresh.opens(path)).isFalse();
        assertThat(fresh.reencrypt(path, old)).isTrue();
        assertThat(fresh.read(path)).isEqualTo(image);
        assertThat(old.opens(path)).isFalse();
        assertThat(fresh.reencrypt(path, old)).as("done already").isFalse();
        assertThat(MediaVault.storedFiles(dir)).containsExactly(path);
        assertThat(MediaVault.anyStored(dir)).hasValue(path);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(path)))).isEqualTo("rw-------");
    }

    @Test
    void aVaultWithNoImagesHasNoneToList() throws Exception {
        assertThat(MediaVault.storedFiles(dir)).isEmpty();
        assertThat(MediaVault.anyStored(dir)).isEmpty();
    }

    @Test
    void sniffingIgnoresWhatTheServerClaims() {
        assertThat(ImageSniffer.sniff(TestImages.png(10, 20, Color.RED)))
                .isEqualTo(new ImageSniffer.Sniffed("image/png", 10, 20));
        assertThat(ImageSniffer.sniff(TestImages.jpeg(30, 40, Color.RED)).mime()).isEqualTo("image/jpeg");
        assertThat(ImageSniffer.sniff("<html>not found</html>".getBytes())).isNull();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
