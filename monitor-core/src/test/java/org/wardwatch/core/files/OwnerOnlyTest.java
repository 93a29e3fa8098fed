package org.wardwatch.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void foldersAreCreatedOwnerOnlyAllTheWayDown() throws Exception {
        Path deep = dir.resolve("data").resolve("media").resolve("ab");
        OwnerOnly.directories(deep);
        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("data").resolve("media"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
    }

    @Test
    void writtenFilesAreOwnerOnlyAndWhole() throws Exception {
        Path file = dir.resolve("d").resolve("preview.html");
        OwnerOnly.write(file, "one".getBytes());
        OwnerOnly.write(file, "two".getBytes());
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(mode(file)).isEqualTo("rw-------");
        try (var s = Files.list(file.getParent())) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void createNeverReplacesAnExistingFile() throws Exception {
        Path key = dir.resolve("media.key");
        OwnerOnly.create(key, "first".getBytes());
        assertThatThrownBy(() -> OwnerOnly.create(key, "second".getBytes())).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(key)).isEqualTo("first");
        assertThat(mode(key)).isEqualTo("rw-------");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(key);
        }
    }

    @Test
    void restrictNarrowsFilesAndFolders() throws Exception {
        Path f = Files.writeString(dir.resolve("open.txt"), "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        Path d = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnly.restrict(f);
        OwnerOnly.restrict(d);
        assertThat(mode(f)).isEqualTo("rw-------");
        assertThat(mode(d)).isEqualTo("rwx------");
    }

    @Test
    void exposedFilesNamesTheFirstOpenPathAndTheFix() throws Exception {
        Path data = OwnerOnly.directories(dir.resolve("data"));
        OwnerOnly.write(data.resolve("db").resolve("wardwatch.mv.db"), "x".getBytes());
        assertThat(ExposedFiles.warning(data)).isEmpty();

        Files.setPosixFilePermissions(data.resolve("db").resolve("wardwatch.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ExposedFiles.warning(data)).hasValue(data.toAbsolutePath().resolve("db").resolve("wardwatch.mv.db")
                + " can be opened by other accounts on this machine (mode rw-r--r--); it holds patient data, fix with: "
                + "chmod -R go-rwx " + data.toAbsolutePath());

        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(ExposedFiles.warning(data).orElseThrow()).startsWith("the data directory " + data.toAbsolutePath()
                + " can be opened by other accounts on this machine (mode rwxr-x---)");
    }

    @Test
    void aMissingDataDirectoryIsNothingToReport() {
        assertThat(ExposedFiles.warning(dir.resolve("none"))).isEmpty();
    }
}
