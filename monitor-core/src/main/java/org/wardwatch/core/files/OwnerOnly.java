package org.wardwatch.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Files and folders only WardWatch's own user may open. The data directory holds patient content, so
 * everything WardWatch creates under it is made owner-only as it is created (never created readable
 * and narrowed afterwards, which leaves a moment in which another account can open it). Where the
 * file system has no POSIX permissions (Windows) the platform's defaults apply.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates a folder and any missing parents, each new one owner-only (0700). */
    public static Path directories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) return dir;
        if (abs.getParent() != null) directories(abs.getParent());
        try {
            if (posix(abs.getParent())) Files.createDirectory(abs, attribute(DIR));
            else Files.createDirectory(abs);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(abs)) throw raced;
        }
        return dir;
    }

    /**
     * Writes a file whole: to an owner-only temporary file beside it, flushed to disk, then moved into
     * place, so a reader never sees half a file and a crash never leaves one.
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path tmp = temporary(file, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Writes a file that must not already exist (a key): as {@link #write}, but an existing file is
     * never replaced, even by another process racing this one.
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    public static void create(Path file, byte[] content) throws IOException {
        Path tmp = temporary(file, content);
        try {
            // a hard link fails if the target exists, where a rename would silently replace it
            Files.createLink(file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Owner-only permissions on an existing file or folder (0600 or 0700). */
    public static void restrict(Path path) throws IOException {
        if (!posix(path)) return;
        Files.setPosixFilePermissions(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIR : FILE);
    }

    /** The attribute that creates a file owner-only, for callers opening files themselves. */
    public static FileAttribute<?>[] fileAttributes(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {attribute(FILE)} : new FileAttribute<?>[0];
    }

    private static Path temporary(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        directories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                fileAttributes(dir))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // some platforms cannot open a directory; the file itself was forced to disk
        }
    }

    private static boolean posix(Path path) {
        return path == null || path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
